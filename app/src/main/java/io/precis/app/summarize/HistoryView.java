package io.precis.app.summarize;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.precis.app.security.CurrentUser;
import io.precis.app.security.Role;
import io.precis.app.ui.BrowserTime;
import io.precis.app.ui.MainLayout;

/**
 * The signed-in user's past summaries ({@code /history}), newest first, and one of them in full
 * ({@code /history/<id>}) with its sources and the feedback form. An unknown id, or someone else's summary,
 * shows a "not found" message.
 */
@Route(value = "history/:id?", layout = MainLayout.class)
@RolesAllowed("ANALYST")
public class HistoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    static final String ID = "id";
    private static final int FIRST_WORDS = 24;

    private final transient SummarizeService service;
    private final transient SummaryTools tools;
    private Grid<SummaryListItem> grid;
    private String title = "History · Precis";

    HistoryView(SummarizeService service, SummaryTools tools) {
        this.service = service;
        this.tools = tools;
        addClassName("history-view");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> id = event.getRouteParameters().get(ID);
        removeAll();
        if (id.isPresent()) {
            showDetail(id.get());
        } else {
            showList();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void showList() {
        title = "History · Precis";
        if (grid == null) grid = createGrid();
        else grid.getDataProvider().refreshAll();
        grid.deselectAll();
        add(grid);
        setFlexGrow(1, grid);
    }

    private Grid<SummaryListItem> createGrid() {
        String owner = CurrentUser.name();
        Grid<SummaryListItem> g = new Grid<>(SummaryListItem.class, false);
        g.setId("history-grid");
        g.addClassName("history-grid");
        g.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.addColumn(SummaryListItem::title).setHeader("Title").setFlexGrow(3).setAutoWidth(false).setWidth("16rem");
        g.addColumn(i -> BrowserTime.format(i.createdAt())).setHeader("Created").setFlexGrow(0).setWidth("11rem");
        g.addColumn(SummaryListItem::strategy).setHeader("Strategy").setFlexGrow(0).setWidth("8rem")
                .setTextAlign(ColumnTextAlign.START);
        g.addColumn(i -> firstWords(i.summary())).setHeader("Summary").setFlexGrow(5);
        g.setItems(query -> service.history(owner, query.getPage(), query.getPageSize()).stream());
        g.setEmptyStateComponent(emptyState());
        g.setSelectionMode(Grid.SelectionMode.SINGLE);
        // Selection covers the mouse (click) and the keyboard (Space on a row); either opens the summary.
        g.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) open(e.getValue().id());
        });
        g.setSizeFull();
        g.getElement().setAttribute("aria-label", "Your summaries; select one to open it");
        return g;
    }

    private static Component emptyState() {
        Paragraph text = new Paragraph("No summaries yet — go to ");
        text.add(new RouterLink("Summarise", SummarizeView.class));
        text.add(" to make your first one.");
        text.addClassName("history-empty");
        return text;
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(HistoryView.class, new RouteParameters(ID, id.toString())));
    }

    private void showDetail(String rawId) {
        RouterLink back = new RouterLink("Back to history", HistoryView.class);
        var arrow = VaadinIcon.ARROW_LEFT.create();
        arrow.setSize("var(--lumo-icon-size-s)");
        back.addComponentAsFirst(arrow);
        back.addClassNames(LumoUtility.Display.INLINE_FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.XSMALL);
        back.setId("back-to-history");
        add(back);

        Optional<SummaryResult> result = parse(rawId)
                .flatMap(id -> service.find(id, CurrentUser.name(), CurrentUser.hasRole(Role.OPERATOR)));
        if (result.isPresent()) {
            title = result.get().title() + " · Precis";
            SummaryPanel panel = new SummaryPanel(result.get(), tools);
            add(panel);
        } else {
            title = "Summary not found · Precis";
            H2 heading = new H2("Summary not found");
            heading.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.Bottom.SMALL);
            Paragraph why = new Paragraph("There is no summary with id '" + rawId + "' that you can see. "
                    + "It may have been made by someone else, or the link may be wrong.");
            Div notFound = new Div(heading, why);
            notFound.setId("summary-not-found");
            notFound.getElement().setAttribute("role", "alert");
            add(notFound);
        }
    }

    private static Optional<UUID> parse(String raw) {
        try {
            return Optional.of(UUID.fromString(raw.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String firstWords(String text) {
        if (text == null) return "";
        String[] words = text.strip().split("\\s+", FIRST_WORDS + 1);
        if (words.length <= FIRST_WORDS) return text.strip();
        return String.join(" ", java.util.Arrays.copyOf(words, FIRST_WORDS)) + "…";
    }
}
