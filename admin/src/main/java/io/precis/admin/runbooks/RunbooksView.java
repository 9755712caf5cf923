package io.precis.admin.runbooks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The console's Runbooks page: the actions the app can carry out itself (each behind a confirmation, recorded with
 * who ran it), their recent runs, and every runbook page to read beside them.
 */
@Route("admin/runbooks")
@PageTitle("Runbooks · Precis")
@RolesAllowed("OPERATOR")
class RunbooksView extends VerticalLayout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final transient RunbookActions actions;
    private final transient RunbookPages pages;
    private final transient AuthenticationContext auth;
    private final Grid<RunbookActions.Run> runs = new Grid<>();
    private final Div page = new Div();

    RunbooksView(RunbookActions actions, RunbookPages pages, AuthenticationContext auth) {
        this.actions = actions;
        this.pages = pages;
        this.auth = auth;
        addClassName("runbooks-view");
        setWidthFull();
        add(actionsSection(), runsSection(), pagesSection());
    }

    private Component actionsSection() {
        Div cards = new Div();
        cards.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.MEDIUM);
        cards.getStyle().set("grid-template-columns", "repeat(auto-fill, minmax(18rem, 1fr))");
        for (RunbookAction action : actions.all()) {
            Button run = new Button(action.label(), e -> confirm(action));
            run.setId("runbook-action-" + action.id());
            run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Paragraph what = new Paragraph(action.description());
            what.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
            Div card = new Div(run, what);
            card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                    LumoUtility.Padding.MEDIUM, LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM);
            cards.add(card);
        }
        if (actions.all().isEmpty()) cards.add(new Paragraph("No actions are available in this deployment."));
        return section("Actions", cards);
    }

    private void confirm(RunbookAction action) {
        ConfirmDialog dialog = new ConfirmDialog(action.label() + "?", action.description(), "Run", e -> run(action), "Cancel", e -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void run(RunbookAction action) {
        String actor = auth.getPrincipalName().orElse("unknown");
        RunbookAction.Result result = actions.run(action, actor);
        Notification note = Notification.show(result.summary(), 6000, Notification.Position.BOTTOM_START);
        note.addThemeVariants(result.ok() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        if (result.detail() != null) showDetail(action, result);
        runs.setItems(actions.history(20));
    }

    /** What the operator must see once (new secrets, per-check results), in a dialog they close themselves. */
    private static void showDetail(RunbookAction action, RunbookAction.Result result) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(action.label());
        Pre detail = new Pre(result.detail());
        detail.setId("runbook-result-detail");
        detail.getStyle().set("white-space", "pre-wrap").set("max-width", "60rem");
        dialog.add(new Paragraph(result.summary()), detail);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private Component runsSection() {
        runs.setId("runbook-runs");
        runs.addColumn(r -> TIME.format(r.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(RunbookActions.Run::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(RunbookActions.Run::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> r.ok() ? "ok" : "problem").setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(RunbookActions.Run::summary).setHeader("Result").setFlexGrow(1);
        runs.setItems(actions.history(20));
        runs.setAllRowsVisible(true);
        runs.setEmptyStateText("No action has been run yet. Runs are recorded in the audit log.");
        return section("Recent runs", runs);
    }

    private Component pagesSection() {
        ListBox<RunbookPages.Page> list = new ListBox<>();
        list.setId("runbook-pages");
        list.setItems(pages.all());
        list.setItemLabelGenerator(RunbookPages.Page::title);
        list.addValueChangeListener(e -> show(e.getValue()));
        list.getStyle().set("min-width", "16rem");
        page.setId("runbook-page");
        page.addClassNames(LumoUtility.Flex.GROW);
        page.getStyle().set("min-width", "0").set("overflow-x", "auto");
        if (!pages.all().isEmpty()) list.setValue(pages.all().get(0));
        Div body = new Div(list, page);
        body.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.LARGE, LumoUtility.FlexWrap.WRAP, LumoUtility.Width.FULL);
        return section("Runbooks", body);
    }

    private void show(RunbookPages.Page selected) {
        page.removeAll();
        if (selected == null) {
            Span hint = new Span("Choose a runbook on the left.");
            hint.addClassName(LumoUtility.TextColor.SECONDARY);
            page.add(hint);
            return;
        }
        page.add(new Html("<div class=\"runbook-markdown\">" + pages.html(selected) + "</div>"));
    }

    private static Component section(String title, Component content) {
        Div section = new Div(new H3(title), content);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL, LumoUtility.Width.FULL);
        return section;
    }
}
