package io.precis.admin.models;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.web.ErrorResponseException;

/** The model registry: versions by kind, promote to canary or production, archive, roll back, and the history. */
@Route("admin/models")
@PageTitle("Models · Precis")
@RolesAllowed("OPERATOR")
public class ModelsView extends VerticalLayout {
    private final transient ModelRegistry registry;
    private final transient AuthenticationContext auth;
    private final Select<String> kind = new Select<>();
    private final Grid<ModelVersion> versions = new Grid<>();
    private final Grid<ModelPromotion> history = new Grid<>();
    private final IntegerField share = new IntegerField("Canary share (%)");
    private final TextField reason = new TextField("Reason");
    private final Checkbox override = new Checkbox("Override the gate");

    public ModelsView(ModelRegistry registry, AuthenticationContext auth, TrainEvalStarter trainEval) {
        this.registry = registry;
        this.auth = auth;
        setSizeFull();
        kind.setLabel("Kind");
        kind.setId("models-kind");
        kind.setItems(ModelRegistry.KINDS.stream().sorted().toList());
        kind.setValue(ModelVersion.SUMMARIZER_POLICY);
        kind.addValueChangeListener(e -> refresh());
        share.setValue(10);
        share.setMin(1);
        share.setMax(100);
        share.setStepButtonsVisible(true);
        share.setHelperText("of live requests");
        share.setId("models-share");
        reason.setId("models-reason");
        override.setId("models-override");

        versions.setId("models-grid");
        versions.addColumn(ModelVersion::id).setHeader("#").setAutoWidth(true);
        versions.addColumn(ModelVersion::label).setHeader("Version").setAutoWidth(true);
        versions.addColumn(ModelVersion::stage).setHeader("Stage").setAutoWidth(true);
        versions.addColumn(v -> v.stage().equals("canary") ? String.format("%.0f%%", 100 * v.canaryShare()) : "").setHeader("Share");
        versions.addColumn(v -> score(v, "rougeL")).setHeader("ROUGE-L");
        versions.addColumn(v -> score(v, "factualConsistency")).setHeader("Factual consistency");
        versions.addColumn(v -> v.parentId() == null ? "" : "#" + v.parentId()).setHeader("Parent");
        versions.addColumn(ModelVersion::createdBy).setHeader("By");
        versions.addSelectionListener(e -> showHistory());
        history.setId("models-history");
        history.addColumn(p -> p.at().toString()).setHeader("When").setAutoWidth(true);
        history.addColumn(ModelPromotion::actor).setHeader("Who");
        history.addColumn(p -> p.fromStage() + " → " + p.toStage()
                + (p.canaryShare() == null ? "" : String.format(java.util.Locale.ROOT, " (%.0f%%)", 100 * p.canaryShare())))
                .setHeader("Step");
        history.addColumn(p -> p.reason() == null ? "" : p.reason()).setHeader("Why");
        history.addColumn(p -> p.override() ? "override" : "").setHeader("Gate");

        Button canary = button("To canary", "models-canary", v -> registry.toCanary(v.id(), share.getValue() == null ? 0 : share.getValue() / 100.0,
                reason.getValue(), override.getValue(), actor()));
        Button production = button("To production", "models-production", v -> registry.toProduction(v.id(), reason.getValue(),
                override.getValue(), actor()));
        Button archive = button("Archive", "models-archive", v -> registry.archive(v.id(), reason.getValue(), actor()));
        Button rollback = new Button("Roll back", e -> run(() -> registry.rollback(kind.getValue(), reason.getValue(), actor())));
        rollback.setId("models-rollback");
        Button train = new Button("Run train-eval", e -> {
            CompletableFuture.runAsync(() -> trainEval.start(actor()));
            Notification.show("train-eval started; its candidate appears here when it has finished.");
        });
        train.setId("models-train-eval");
        Button reload = new Button("Refresh", e -> refresh());
        HorizontalLayout controls = new HorizontalLayout(kind, share, reason, override);
        controls.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        controls.setWrap(true);
        add(controls, new HorizontalLayout(canary, production, archive, rollback, train, reload), versions, new H3("History"), history);
        refresh();
    }

    /** Starts train-eval from the console; implemented in the training feature, which depends on this one. */
    public interface TrainEvalStarter {
        void start(String actor);
    }

    private Button button(String text, String id, java.util.function.Function<ModelVersion, ModelVersion> step) {
        Button button = new Button(text, e -> versions.getSelectedItems().stream().findFirst().ifPresentOrElse(
                v -> run(() -> step.apply(v)), () -> Notification.show("Select a version first.")));
        button.setId(id);
        return button;
    }

    private void run(Runnable step) {
        try {
            step.run();
            Notification.show("Done.");
        } catch (ErrorResponseException e) {
            Notification.show(e.getBody().getDetail(), 8000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private String actor() {
        return auth.getPrincipalName().orElse("unknown");
    }

    /** Reloads the versions, keeping the selected one selected (with its new stage) and its history current. */
    private void refresh() {
        Long selected = versions.getSelectedItems().stream().findFirst().map(ModelVersion::id).orElse(null);
        var list = registry.list(kind.getValue());
        versions.setItems(list);
        list.stream().filter(v -> selected != null && v.id() == selected).findFirst().ifPresent(versions::select);
        showHistory();
    }

    private void showHistory() {
        versions.getSelectedItems().stream().findFirst().ifPresentOrElse(v -> history.setItems(registry.history(v.id())),
                () -> history.setItems());
    }

    private static String score(ModelVersion v, String metric) {
        if (v.evalReport() != null && v.evalReport().get("heldOut") instanceof java.util.Map<?, ?> m && m.get(metric) instanceof Number n) {
            return String.format(java.util.Locale.ROOT, "%.4f", n.doubleValue());
        }
        return "";
    }
}
