package io.precis.admin.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The review queue: filters, then accept (Alt+A), reject (Alt+R), flag (Alt+F) the selected items, or correct one
 * (Alt+C, with the corrected text); below, preference pairs to accept, reject, flag or swap; SFT and DPO downloads. The app registers the route {@code admin/review} inside its layout.
 */
@Route("admin/review")
@PageTitle("Review · Precis")
@RolesAllowed("OPERATOR")
public class ReviewView extends VerticalLayout {
    private final transient ReviewQueue queue;
    private final transient AuthenticationContext auth;
    private final Grid<ReviewQueue.ReviewItem> grid = new Grid<>();
    private final TextField modelVersion = new TextField("Model version");
    private final IntegerField rating = new IntegerField("Rating");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Checkbox flagged = new Checkbox("Flagged");
    private final Checkbox unlabelled = new Checkbox("Unlabelled");
    private final TextField text = new TextField("Text");
    private final TextArea correction = new TextArea("Corrected summary");

    private final transient PairAdjudication adjudication;
    private final Grid<PairAdjudication.PairItem> pairs = new Grid<>();

    public ReviewView(ReviewQueue queue, PairAdjudication adjudication, Datasets datasets, AuthenticationContext auth) {
        this.queue = queue;
        this.adjudication = adjudication;
        this.auth = auth;
        setWidthFull(); // two grids: the page scrolls
        modelVersion.setId("review-model-version");
        rating.setId("review-rating");
        rating.setMin(1);
        rating.setMax(5);
        flagged.setId("review-flagged");
        unlabelled.setId("review-unlabelled");
        from.setId("review-from");
        to.setId("review-to");
        text.setId("review-text");
        text.setPlaceholder("in comment or summary");
        text.setClearButtonVisible(true);
        Button apply = new Button("Filter", e -> refresh());
        apply.setId("review-filter");
        apply.addClickShortcut(Key.ENTER).listenOn(text, modelVersion, rating).resetFocusOnActiveElement();
        HorizontalLayout filters = new HorizontalLayout(text, modelVersion, rating, from, to, flagged, unlabelled, apply);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        filters.setWrap(true); // seven filters do not fit one line of a laptop screen
        filters.setWidthFull();

        grid.setId("review-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(ReviewQueue.ReviewItem::id).setHeader("#").setAutoWidth(true);
        grid.addColumn(ReviewQueue.ReviewItem::modelVersion).setHeader("Model").setAutoWidth(true);
        grid.addColumn(i -> i.rating() != null ? i.rating() + "/5" : i.thumb()).setHeader("Rating").setAutoWidth(true);
        grid.addColumn(ReviewQueue.ReviewItem::comment).setHeader("Comment");
        grid.addColumn(ReviewQueue.ReviewItem::summary).setHeader("Summary").setFlexGrow(3);
        grid.addColumn(i -> i.label() == null ? "" : i.label()).setHeader("Label").setAutoWidth(true);
        grid.addColumn(i -> i.createdAt().toString()).setHeader("Given").setAutoWidth(true);

        correction.setId("review-correction");
        correction.setWidthFull();
        HorizontalLayout actions = new HorizontalLayout(action("Accept", "accepted", Key.KEY_A),
                action("Reject", "rejected", Key.KEY_R), action("Flag", "flagged", Key.KEY_F),
                action("Correct", "corrected", Key.KEY_C), new Span("Alt+A accept · Alt+R reject · Alt+F flag · Alt+C correct"));
        actions.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        actions.setWrap(true);
        Anchor sft = export("review-export-sft", "Export SFT (JSONL)", "sft.jsonl", datasets::writeSft);
        Anchor dpo = export("review-export-dpo", "Export DPO (JSONL)", "dpo.jsonl", datasets::writeDpo);
        actions.add(sft, dpo);
        pairs.setId("review-pairs");
        pairs.addColumn(PairAdjudication.PairItem::id).setHeader("#").setAutoWidth(true);
        pairs.addColumn(PairAdjudication.PairItem::source).setHeader("Source").setAutoWidth(true);
        pairs.addColumn(PairAdjudication.PairItem::chosen).setHeader("Chosen").setFlexGrow(2);
        pairs.addColumn(PairAdjudication.PairItem::rejected).setHeader("Rejected").setFlexGrow(2);
        pairs.addColumn(p -> p.label() == null ? "" : p.label()).setHeader("Label").setAutoWidth(true);
        HorizontalLayout pairActions = new HorizontalLayout(new H3("Preference pairs"), decision("Accept pair", "accepted"),
                decision("Reject pair", "rejected"), decision("Flag pair", "flagged"), decision("Swap chosen and rejected", "swapped"));
        pairActions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        pairActions.setWrap(true);
        add(filters, actions, correction, grid, pairActions, pairs);
        refresh();
    }

    private Button action(String text, String label, Key key) {
        Button button = new Button(text, e -> label(label));
        button.setId("review-action-" + label);
        // the focused field (the correction being typed) sends its value before the shortcut's click
        button.addClickShortcut(key, KeyModifier.ALT).resetFocusOnActiveElement();
        return button;
    }

    private Button decision(String text, String decision) {
        Button button = new Button(text, e -> pairs.getSelectedItems().stream().findFirst().ifPresentOrElse(p -> {
            try {
                adjudication.decide(p.id(), decision, auth.getPrincipalName().orElse("unknown"));
                Notification.show("Pair " + p.id() + " " + decision + ".");
                refresh();
            } catch (org.springframework.web.ErrorResponseException ex) {
                Notification.show(ex.getBody().getDetail());
            }
        }, () -> Notification.show("Select a pair first.")));
        button.setId("review-pair-" + decision);
        return button;
    }

    /** A download link to a dataset, written when it is clicked (the same as GET /api/v1/admin/datasets/...). */
    private static Anchor export(String id, String text, String fileName, Function<Writer, Integer> write) {
        StreamResource resource = new StreamResource(fileName, () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                write.apply(writer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        });
        resource.setContentType("application/x-ndjson");
        Anchor anchor = new Anchor(resource, text);
        anchor.getElement().setAttribute("download", fileName);
        anchor.setId(id);
        return anchor;
    }

    private void label(String label) {
        List<Long> ids = grid.getSelectedItems().stream().map(ReviewQueue.ReviewItem::id).toList();
        if (ids.isEmpty()) {
            Notification.show("Select feedback to label first.");
            return;
        }
        try {
            int n = queue.label(ids, label, label.equals("corrected") ? correction.getValue() : null,
                    auth.getPrincipalName().orElse("unknown"));
            Notification.show(n + " labelled " + label + ".");
            correction.clear();
            refresh();
        } catch (org.springframework.web.ErrorResponseException e) {
            Notification.show(e.getBody().getDetail());
        }
    }

    private void refresh() {
        grid.setItems(queue.list(new ReviewQueue.Filter(modelVersion.getValue(), rating.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                flagged.getValue(), unlabelled.getValue(), text.getValue(), 500)));
        pairs.setItems(adjudication.list(text.getValue(), unlabelled.getValue(), 200));
    }
}
