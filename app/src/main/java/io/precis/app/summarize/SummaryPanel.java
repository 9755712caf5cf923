package io.precis.app.summarize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponseException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.ScrollOptions;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.precis.admin.feedback.FeedbackService;
import io.precis.app.security.CurrentUser;
import io.precis.app.security.Role;
import io.precis.app.ui.BrowserTime;
import io.precis.inference.summarize.Citation;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.SummarySentence;

/**
 * One summary, as the Summarise view and the history detail show it: the summary sentences (each one a
 * keyboard-reachable button), the source documents with the passages cited by the selected sentence
 * highlighted, how it was made, and a feedback form.
 *
 * <p>Stable hooks for tests and styling: {@code .summary-sentence} (with {@code aria-pressed} on the selected
 * one), {@code .source-highlight} and {@code .source-document}.
 */
class SummaryPanel extends Div {
    static final String SENTENCE_CLASS = "summary-sentence";
    static final String HIGHLIGHT_CLASS = "source-highlight";
    private static final Logger log = LoggerFactory.getLogger(SummaryPanel.class);
    private static final int COMMENT_MAX = 5_000;

    /** Hover, focus and selection styles that inline styles cannot express; scoped by the classes above. */
    private static final String CSS = """
            .summary-sentence { display: block; cursor: pointer; border-radius: var(--lumo-border-radius-m);
              padding: var(--lumo-space-xs) var(--lumo-space-s); border-left: 3px solid transparent;
              line-height: var(--lumo-line-height-m); }
            .summary-sentence:hover { background: var(--lumo-contrast-5pct); }
            .summary-sentence:focus-visible { outline: 2px solid var(--lumo-primary-color); outline-offset: 1px; }
            .summary-sentence[aria-pressed="true"] { background: var(--lumo-primary-color-10pct);
              border-left-color: var(--lumo-primary-color); }
            .source-highlight { background: #fff3a3; color: inherit; border-radius: 2px;
              box-shadow: 0 0 0 2px #fff3a3; }
            html[theme~="dark"] .source-highlight { background: #6b5b00; box-shadow: 0 0 0 2px #6b5b00; }
            """;

    private final SummaryResult result;
    private final transient SummaryTools tools;
    private final List<Span> sentenceItems = new ArrayList<>();
    private final List<Div> documentBodies = new ArrayList<>();
    private final List<Boolean> documentHighlighted = new ArrayList<>();
    private int selected = -1;

    private String thumb;
    private final Button thumbUp = new Button("Helpful", VaadinIcon.THUMBS_UP_O.create());
    private final Button thumbDown = new Button("Not helpful", VaadinIcon.THUMBS_DOWN_O.create());
    private final TextArea comment = new TextArea("Comment (optional)");
    private final Button sendFeedback = new Button("Send feedback");

    SummaryPanel(SummaryResult result, SummaryTools tools) {
        this.result = result;
        this.tools = tools;
        addClassName("summary-panel");
        getElement().setAttribute("data-summary-id", String.valueOf(result.id()));
        setWidthFull();

        Element style = new Element("style");
        style.setText(CSS);
        getElement().appendChild(style);

        Div columns = new Div(summaryColumn(), sourcesColumn());
        columns.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE,
                LumoUtility.AlignItems.START);
        add(header(), columns);
    }

    private Component header() {
        H2 title = new H2(result.title());
        title.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE, LumoUtility.Margin.Bottom.XSMALL);
        String model = result.model() == null ? "unknown model" : result.model().name() + " " + result.model().version();
        Span meta = new Span("Model " + model + " · strategy " + result.strategy() + " · took "
                + formatDuration(result.timings() == null ? 0 : result.timings().totalMs())
                + " · " + BrowserTime.format(result.createdAt()));
        meta.addClassName("summary-meta");
        meta.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div header = new Div(title, meta);
        for (String notice : result.notices() == null ? List.<String>of() : result.notices()) {
            Div note = new Div(notice);
            note.addClassName("summary-notice");
            note.getElement().setAttribute("role", "status");
            note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.Vertical.XSMALL,
                    LumoUtility.Padding.Horizontal.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Margin.Top.XSMALL);
            header.add(note);
        }
        header.addClassName(LumoUtility.Margin.Bottom.MEDIUM);
        return header;
    }

    private Component summaryColumn() {
        H3 heading = new H3("Summary");
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE, LumoUtility.Margin.Bottom.XSMALL);
        Paragraph hint = new Paragraph("Select a sentence (click, or Tab then Enter) to see the passage it comes from.");
        hint.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE,
                LumoUtility.Margin.Bottom.SMALL);

        OrderedList list = new OrderedList();
        list.addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Padding.NONE, LumoUtility.Margin.NONE,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        List<SummarySentence> sentences = result.sentences() == null ? List.of() : result.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            list.add(new ListItem(sentenceItem(i, sentences.get(i))));
        }
        Section column = new Section(heading, hint, list, improveActions(), feedbackForm());
        column.addClassName("summary-sentences");
        column.getStyle().set("flex", "1 1 22rem").set("min-width", "0");
        if (sentences.isEmpty()) {
            column.addComponentAtIndex(2, new Paragraph("The summary is empty: the text had no sentences to pick."));
        }
        return column;
    }

    private Span sentenceItem(int index, SummarySentence sentence) {
        Span item = new Span(sentence.text());
        item.addClassName(SENTENCE_CLASS);
        Element e = item.getElement();
        e.setAttribute("tabindex", "0");
        e.setAttribute("role", "button");
        e.setAttribute("aria-pressed", "false");
        e.setAttribute("data-index", String.valueOf(index));
        int cited = sentence.citations().size();
        e.setAttribute("title", cited == 0 ? "No source passage supports this sentence" : "Show the cited passage");
        if (cited == 0) {
            Span unsupported = new Span("unsupported");
            unsupported.getElement().getThemeList().add("badge error small");
            unsupported.addClassNames("sentence-unsupported", LumoUtility.Margin.Left.XSMALL);
            item.add(unsupported);
        }
        e.addEventListener("click", ev -> select(index));
        e.addEventListener("keydown", ev -> select(index))
                .setFilter("event.key === 'Enter' || event.key === ' '")
                .preventDefault();
        sentenceItems.add(item);
        return item;
    }

    private Component sourcesColumn() {
        List<SourceDocument> documents = result.documents() == null ? List.of() : result.documents();
        H3 heading = new H3(documents.size() > 1 ? "Sources" : "Source");
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE, LumoUtility.Margin.Bottom.SMALL);
        Section column = new Section(heading);
        column.addClassName("summary-sources");
        column.getStyle().set("flex", "1 1 26rem").set("min-width", "0");
        for (int d = 0; d < documents.size(); d++) {
            SourceDocument document = documents.get(d);
            boolean untitled = document.title() == null || document.title().isBlank();
            String name = untitled ? "Document " + (d + 1) : document.title();
            if (documents.size() > 1 || !untitled) {
                H4 title = new H4(name);
                title.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE, LumoUtility.Margin.Top.SMALL,
                        LumoUtility.Margin.Bottom.XSMALL);
                column.add(title);
            }
            Div body = new Div(new Text(document.text()));
            body.addClassNames("source-document", LumoUtility.Whitespace.PRE_WRAP, LumoUtility.Overflow.AUTO,
                    LumoUtility.Padding.Vertical.SMALL, LumoUtility.Padding.Horizontal.MEDIUM,
                    LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                    LumoUtility.Background.CONTRAST_5, LumoUtility.FontSize.SMALL, LumoUtility.LineHeight.MEDIUM);
            body.getStyle().set("overflow-wrap", "anywhere").set("max-height", "60vh");
            body.getElement().setAttribute("data-document", String.valueOf(d));
            body.getElement().setAttribute("tabindex", "0");
            body.getElement().setAttribute("role", "region");
            body.getElement().setAttribute("aria-label", name);
            documentBodies.add(body);
            documentHighlighted.add(false);
            column.add(body);
        }
        return column;
    }

    private void select(int index) {
        if (index < 0 || index >= sentenceItems.size()) return;
        if (selected >= 0) sentenceItems.get(selected).getElement().setAttribute("aria-pressed", "false");
        selected = index;
        sentenceItems.get(index).getElement().setAttribute("aria-pressed", "true");

        List<Citation> citations = result.sentences().get(index).citations();
        Mark first = null;
        for (int d = 0; d < documentBodies.size(); d++) {
            int doc = d;
            List<Citation> here = citations.stream().filter(c -> c.document() == doc)
                    .sorted(Comparator.comparingInt(Citation::start)).toList();
            if (here.isEmpty() && !documentHighlighted.get(d)) continue; // nothing to clear or mark
            Mark mark = render(d, here);
            documentHighlighted.set(d, !here.isEmpty());
            if (first == null) first = mark;
        }
        if (first != null) first.scrollIntoView(new ScrollOptions(ScrollOptions.Behavior.SMOOTH,
                ScrollOptions.Alignment.CENTER, ScrollOptions.Alignment.NEAREST));
    }

    /** Re-renders one document with {@code citations} (sorted by start) marked; returns the first mark. */
    private Mark render(int d, List<Citation> citations) {
        String text = result.documents().get(d).text();
        Div body = documentBodies.get(d);
        body.removeAll();
        Mark first = null;
        int pos = 0;
        for (Citation c : citations) {
            int start = Math.max(pos, Math.min(c.start(), text.length()));
            int end = Math.max(start, Math.min(c.end(), text.length()));
            if (end == start) continue;
            if (start > pos) body.add(new Text(text.substring(pos, start)));
            Mark mark = new Mark(text.substring(start, end));
            body.add(mark);
            if (first == null) first = mark;
            pos = end;
        }
        if (pos < text.length()) body.add(new Text(text.substring(pos)));
        return first;
    }

    /** Edit the summary, or compare it with a second one: both become preference pairs for training. */
    private Component improveActions() {
        Button edit = new Button("Edit summary", VaadinIcon.EDIT.create(), e -> new SummaryEditor(result, tools.pairs).open());
        edit.setId("summary-edit");
        edit.setTooltipText("Write the summary you would want; it is kept as preferred over this one");
        Button compare = new Button("Compare", VaadinIcon.SCALE.create(), e -> new ComparisonDialog(result, tools).open());
        compare.setId("summary-compare");
        compare.setTooltipText("Make a second summary of the same documents and pick the better one, without knowing which model wrote which");
        HorizontalLayout actions = new HorizontalLayout(edit, compare);
        actions.addClassNames("summary-improve", LumoUtility.FlexWrap.WRAP, LumoUtility.Margin.Top.MEDIUM);
        return actions;
    }

    private Component feedbackForm() {
        H3 heading = new H3("Was this summary useful?");
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE, LumoUtility.Margin.Top.LARGE);

        thumbUp.setId("thumb-up");
        thumbDown.setId("thumb-down");
        for (Button b : List.of(thumbUp, thumbDown)) {
            b.getElement().setAttribute("aria-pressed", "false");
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        }
        thumbUp.addClickListener(e -> chooseThumb("up"));
        thumbDown.addClickListener(e -> chooseThumb("down"));

        comment.setId("feedback-comment");
        comment.setWidthFull();
        comment.setMaxLength(COMMENT_MAX);
        comment.setPlaceholder("What was good or missing? Any wrong or unsupported sentence?");
        comment.setMaxHeight("10rem");

        sendFeedback.setId("send-feedback");
        sendFeedback.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sendFeedback.setEnabled(false);
        sendFeedback.setTooltipText("Choose Helpful or Not helpful first");
        sendFeedback.addClickListener(e -> send());

        HorizontalLayout thumbs = new HorizontalLayout(thumbUp, thumbDown);
        thumbs.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Div form = new Div(heading, thumbs, comment, sendFeedback);
        form.addClassNames("summary-feedback", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.SMALL, LumoUtility.AlignItems.START);
        return form;
    }

    private void chooseThumb(String value) {
        thumb = value.equals(thumb) ? null : value; // a second click takes the choice back
        style(thumbUp, "up".equals(thumb), VaadinIcon.THUMBS_UP, VaadinIcon.THUMBS_UP_O);
        style(thumbDown, "down".equals(thumb), VaadinIcon.THUMBS_DOWN, VaadinIcon.THUMBS_DOWN_O);
        sendFeedback.setEnabled(thumb != null);
        sendFeedback.setTooltipText(thumb != null ? null : "Choose Helpful or Not helpful first");
    }

    private static void style(Button b, boolean pressed, VaadinIcon on, VaadinIcon off) {
        b.getElement().setAttribute("aria-pressed", String.valueOf(pressed));
        b.setIcon((pressed ? on : off).create());
        if (pressed) {
            b.removeThemeVariants(ButtonVariant.LUMO_CONTRAST);
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        }
    }

    private void send() {
        if (thumb == null) {
            notifyError("Choose Helpful or Not helpful, then send.");
            return;
        }
        try {
            tools.feedback.record(new FeedbackService.FeedbackRequest(result.id(), null, thumb, comment.getValue()),
                    CurrentUser.name(), CurrentUser.hasRole(Role.OPERATOR));
            Notification n = Notification.show("Thanks — feedback saved", 4000, Notification.Position.BOTTOM_END);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            n.addClassName("feedback-saved");
            comment.clear();
            chooseThumb(thumb); // clears the choice
        } catch (ErrorResponseException e) {
            notifyError(detail(e));
        } catch (RuntimeException e) {
            log.warn("saving feedback on summary {} failed", result.id(), e);
            notifyError("Feedback could not be saved. Please try again.");
        }
    }

    static String detail(ErrorResponseException e) {
        return Optional.ofNullable(e.getBody().getDetail()).orElse("The request was not accepted.");
    }

    static Notification notifyError(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.getElement().setAttribute("role", "alert");
        return n;
    }

    static String formatDuration(long ms) {
        return ms < 1000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }

    /** A cited passage: {@code <mark class="source-highlight">}. */
    @Tag("mark")
    static final class Mark extends HtmlContainer {
        Mark(String text) {
            setText(text);
            addClassName(HIGHLIGHT_CLASS);
        }
    }
}
