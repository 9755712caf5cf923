package io.precis.admin.audit;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** The audit log, newest first, searchable; before and after are stored masked. */
@Route("admin/audit")
@PageTitle("Audit log · Precis")
@RolesAllowed("OPERATOR")
public class AuditView extends VerticalLayout {
    public AuditView(AuditLog audit) {
        setSizeFull();
        TextField search = new TextField("Search");
        search.setId("audit-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.addColumn(e -> e.at().toString()).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(e -> e.before() == null ? "" : e.before()).setHeader("Before");
        grid.addColumn(e -> e.after() == null ? "" : e.after()).setHeader("After");
        search.addValueChangeListener(e -> grid.setItems(audit.search(e.getValue(), 500)));
        grid.setItems(audit.search("", 500));
        add(search, grid);
    }
}
