package io.precis.app.summarize;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponseException;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.precis.admin.feedback.PreferencePairs;
import io.precis.app.security.CurrentUser;
import io.precis.app.security.Role;

/**
 * A blind side-by-side comparison: the summary and a second candidate ({@link SecondCandidates}) of the same
 * documents, as A and B in random order and with nothing that says which model wrote which. The analyst picks the
 * better one (buttons, or the keys 1 and 2), which records a preference pair by summary ids, or neither (3); only then
 * does the dialog say what made each.
 */
class ComparisonDialog extends Dialog {
    private static final Logger log = LoggerFactory.getLogger(ComparisonDialog.class);

    private final transient SummaryTools tools;
    private final String viewer = CurrentUser.name();
    private final boolean seesAll = CurrentUser.hasRole(Role.OPERATOR);
    private final HorizontalLayout busy = new HorizontalLayout();
    private final Div sides = new Div();
    private final Button pickA = new Button("A is better");
    private final Button pickB = new Button("B is better");
    private final Button neither = new Button("Both equally bad");
    private final Div outcome = new Div();
    private transient SecondCandidates.Comparison comparison;
    private boolean firstIsA;

    ComparisonDialog(SummaryResult first, SummaryTools tools) {
        this.tools = tools;
        setHeaderTitle("Which summary is better?");
        setWidth("min(80rem, 96vw)");
        addClassName("summary-comparison");

        Paragraph intro = new Paragraph("Both summarise the same documents. They are shown as A and B in random order; "
                + "which model wrote which is shown once you have picked.");
        intro.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.NONE);

        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setWidth("12rem");
        progress.getElement().setAttribute("aria-label", "Making a second summary");
        busy.add(progress, new Span("Making a second summary of the same documents…"));
        busy.setId("compare-busy");
        busy.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        sides.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE,
                LumoUtility.AlignItems.START);

        pickA.setId("compare-pick-a");
        pickB.setId("compare-pick-b");
        neither.setId("compare-neither");
        setUpPick(pickA, Key.DIGIT_1, "1", () -> pick(true));
        setUpPick(pickB, Key.DIGIT_2, "2", () -> pick(false));
        setUpPick(neither, Key.DIGIT_3, "3", this::skip);
        pickA.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pickB.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout picks = new HorizontalLayout(pickA, pickB, neither);
        picks.addClassName(LumoUtility.FlexWrap.WRAP);

        outcome.setId("compare-outcome");
        outcome.getElement().setAttribute("role", "status");
        outcome.setVisible(false);

        Button close = new Button("Close", e -> close());
        close.setId("compare-close");
        getFooter().add(close);
        add(intro, busy, sides, picks, outcome);
        makeSecond(first.id());
    }

    private void setUpPick(Button button, Key key, String shortcut, Runnable action) {
        button.setText(button.getText() + " (" + shortcut + ")");
        button.setEnabled(false);
        button.addClickListener(e -> action.run());
        // A bare digit: the dialog has no text field, and Alt+digit switches browser tabs on Linux and Windows.
        button.addClickShortcut(key);
    }

    /** Off the UI thread, so the progress shows while the second summary is made; the result comes by server push. */
    private void makeSecond(UUID firstId) {
        UI ui = UI.getCurrent();
        tools.tasks.execute(() -> {
            try {
                SecondCandidates.Comparison made = tools.candidates.make(firstId, viewer, seesAll);
                ui.access(() -> show(made));
            } catch (ErrorResponseException e) {
                ui.access(() -> fail(SummaryPanel.detail(e)));
            } catch (RuntimeException e) {
                log.error("making a second summary of {} failed", firstId, e);
                ui.access(() -> fail("The second summary could not be made. Please try again."));
            }
        });
    }

    private void show(SecondCandidates.Comparison made) {
        comparison = made;
        firstIsA = ThreadLocalRandom.current().nextBoolean();
        busy.setVisible(false);
        sides.add(side("A", firstIsA ? made.first() : made.second()), side("B", firstIsA ? made.second() : made.first()));
        List.of(pickA, pickB, neither).forEach(b -> b.setEnabled(true));
        pickA.focus();
    }

    private static Section side(String label, SummaryResult summary) {
        H3 heading = new H3(label);
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE, LumoUtility.Margin.Bottom.XSMALL);
        Paragraph text = new Paragraph(summary.summary());
        text.addClassNames("compare-text", LumoUtility.LineHeight.MEDIUM, LumoUtility.Margin.NONE);
        Section side = new Section(heading, text);
        side.setId("compare-" + label.toLowerCase(java.util.Locale.ROOT));
        side.getElement().setAttribute("data-summary-id", summary.id().toString());
        side.getElement().setAttribute("aria-label", "Summary " + label);
        side.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.MEDIUM);
        side.getStyle().set("flex", "1 1 24rem").set("min-width", "0");
        return side;
    }

    private void pick(boolean aIsBetter) {
        boolean firstChosen = aIsBetter == firstIsA;
        SummaryResult chosen = firstChosen ? comparison.first() : comparison.second();
        SummaryResult rejected = firstChosen ? comparison.second() : comparison.first();
        try {
            tools.pairs.record(new PreferencePairs.PreferenceRequest(null, null, null, chosen.id(), rejected.id()),
                    viewer, seesAll);
            Notification n = Notification.show("Preference saved: " + (aIsBetter ? "A" : "B") + " over "
                    + (aIsBetter ? "B" : "A") + ".", 5000, Notification.Position.BOTTOM_END);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            n.addClassName("preference-saved");
            reveal("You preferred " + (aIsBetter ? "A" : "B") + ".");
        } catch (ErrorResponseException e) {
            SummaryPanel.notifyError(SummaryPanel.detail(e));
        } catch (RuntimeException e) {
            log.warn("saving a preference between {} and {} failed", chosen.id(), rejected.id(), e);
            SummaryPanel.notifyError("The preference could not be saved. Please try again.");
        }
    }

    private void skip() {
        reveal("Both equally bad: no preference recorded.");
    }

    private void reveal(String verdict) {
        List.of(pickA, pickB, neither).forEach(b -> b.setEnabled(false));
        String firstLabel = firstIsA ? "A" : "B";
        String secondLabel = firstIsA ? "B" : "A";
        Paragraph first = new Paragraph(firstLabel + " is the summary you had, by " + comparison.firstMadeBy() + ".");
        Paragraph second = new Paragraph(secondLabel + " was made just now by " + comparison.secondMadeBy() + ". ");
        Anchor open = new Anchor("history/" + comparison.second().id(), "Open " + secondLabel + " in your history");
        open.setId("compare-open-second");
        second.add(open);
        outcome.add(new Paragraph(verdict), first, second);
        outcome.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.Horizontal.MEDIUM,
                LumoUtility.BorderRadius.MEDIUM);
        outcome.setVisible(true);
    }

    private void fail(String message) {
        busy.setVisible(false);
        Paragraph error = new Paragraph(message);
        error.setId("compare-error");
        error.getElement().setAttribute("role", "alert");
        error.addClassNames(LumoUtility.TextColor.ERROR);
        sides.add(error);
    }
}
