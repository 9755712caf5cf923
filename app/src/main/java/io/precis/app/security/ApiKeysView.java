package io.precis.app.security;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.precis.app.ui.BrowserTime;
import io.precis.app.ui.MainLayout;

/**
 * Admin page for REST API keys: list them, create one (its secret is shown once, in a dialog) and revoke one
 * (after a confirmation).
 */
@Route(value = "admin/api-keys", layout = MainLayout.class)
@PageTitle("API keys · Precis")
@RolesAllowed("ADMIN")
public class ApiKeysView extends VerticalLayout {

    private final transient ApiKeyService keys;
    private final Grid<ApiKeyService.ApiKeyInfo> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final Select<Role> role = new Select<>();

    ApiKeysView(ApiKeyService keys) {
        this.keys = keys;
        addClassName("api-keys-view");
        setSizeFull();
        add(createForm(), createGrid());
        setFlexGrow(1, grid);
        refresh();
    }

    private Component createForm() {
        name.setId("api-key-name");
        name.setPlaceholder("e.g. reporting-service");
        name.setMaxLength(100);
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("Who or what will use the key");
        name.setWidth("20rem");

        role.setId("api-key-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(ApiKeysView::roleLabel);
        role.setValue(Role.ANALYST);
        role.setHelperText("Each role includes the ones before it");
        role.setWidth("12rem");

        Button create = new Button("Create key", VaadinIcon.PLUS.create(), e -> create());
        create.setId("create-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER).listenOn(name);

        HorizontalLayout form = new HorizontalLayout(name, role, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.addClassName(LumoUtility.FlexWrap.WRAP);
        form.addClassName("api-key-form");

        Paragraph intro = new Paragraph("API keys let programs call the REST API (header 'Authorization: Bearer <key>'). "
                + "A key's secret is shown once, when it is created.");
        intro.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        VerticalLayout top = new VerticalLayout(intro, form);
        top.setPadding(false);
        top.setSpacing(false);
        return top;
    }

    private Component createGrid() {
        grid.setId("api-keys-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ApiKeyService.ApiKeyInfo::name).setHeader("Name").setWidth("12rem").setFlexGrow(1)
                .setSortable(true).setTooltipGenerator(ApiKeyService.ApiKeyInfo::name);
        grid.addColumn(k -> k.prefix() + "…").setHeader("Prefix").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(k -> roleLabel(k.role())).setHeader("Role").setAutoWidth(true).setFlexGrow(0).setSortable(true);
        grid.addColumn(ApiKeyService.ApiKeyInfo::createdBy).setHeader("Created by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(k -> BrowserTime.format(k.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(k -> k.lastUsedAt() == null ? "Never" : BrowserTime.format(k.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(ApiKeysView::status)).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setEmptyStateText("No API keys yet. Create one above.");
        grid.setSizeFull();
        return grid;
    }

    private static Component status(ApiKeyService.ApiKeyInfo key) {
        Span s = new Span(key.active() ? "Active" : "Revoked");
        s.getElement().getThemeList().add(key.active() ? "badge success" : "badge contrast");
        return s;
    }

    private Component actions(ApiKeyService.ApiKeyInfo key) {
        if (!key.active()) return new Span();
        Button revoke = new Button("Revoke", e -> confirmRevoke(key));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        revoke.getElement().setAttribute("aria-label", "Revoke key " + key.name());
        revoke.addClassName("revoke-api-key");
        return revoke;
    }

    private void create() {
        name.setInvalid(false);
        if (name.getValue().isBlank()) {
            name.setErrorMessage("Give the key a name");
            name.setInvalid(true);
            name.focus();
            return;
        }
        try {
            var created = keys.create(name.getValue(), role.getValue() == null ? Role.ANALYST : role.getValue(),
                    CurrentUser.name());
            name.clear();
            name.setInvalid(false); // clearing a required field would otherwise flag it at once
            refresh();
            showSecret(created);
        } catch (IllegalArgumentException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    private void showSecret(ApiKeyService.CreatedApiKey created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("API key created");
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.addClassName("api-key-created");

        Paragraph warning = new Paragraph("Copy the key for '" + created.info().name()
                + "' now: it is not stored and will not be shown again.");
        TextField secret = new TextField("Secret key");
        secret.setId("new-api-key-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.getElement().executeJs("this.inputElement.style.fontFamily = 'monospace'");
        secret.addFocusListener(e -> secret.getElement().executeJs("this.inputElement.select()"));

        Button copy = new Button("Copy", VaadinIcon.COPY_O.create(), e -> copy(created.secret()));
        copy.setId("copy-api-key");
        Button done = new Button("Done", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("close-api-key-dialog");

        dialog.add(warning, secret);
        dialog.getFooter().add(copy, done);
        dialog.open();
        secret.focus();
    }

    private static void copy(String secret) {
        UI.getCurrent().getPage().executeJs(
                "if (!navigator.clipboard || !window.isSecureContext) return false;"
                        + "return navigator.clipboard.writeText($0).then(() => true, () => false);", secret)
                .then(Boolean.class, ok -> {
                    if (Boolean.TRUE.equals(ok)) {
                        Notification.show("Copied to the clipboard", 2500, Notification.Position.BOTTOM_END)
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } else {
                        Notification.show("This browser blocks copying here: select the key and press Ctrl+C.",
                                5000, Notification.Position.TOP_CENTER);
                    }
                });
    }

    private void confirmRevoke(ApiKeyService.ApiKeyInfo key) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Revoke API key '" + key.name() + "'?");
        confirm.setText("Programs using it (prefix " + key.prefix() + "…) will be refused at once. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep it");
        confirm.setConfirmText("Revoke");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            if (keys.revoke(key.id())) {
                Notification.show("API key '" + key.name() + "' revoked", 3000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } else {
                Notification.show("That API key no longer exists", 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(keys.list());
    }

    private static String roleLabel(Role role) {
        String n = role.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
