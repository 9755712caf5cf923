package io.precis.app.library;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.web.ErrorResponseException;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.precis.app.ui.MainLayout;

/**
 * The Library: drop files or add a URL (into a collection, with tags), watch each document's status and progress
 * (the view polls while anything is queued or processing), browse the lazily loaded grid, search with the query's
 * words highlighted in the passages, open a document to see its chunks, delete with confirmation, and summarise the
 * selected documents.
 */
@Route(value = "library", layout = MainLayout.class)
@PageTitle("Library · Precis")
@RolesAllowed("ANALYST")
public class LibraryView extends VerticalLayout {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final int POLL_MILLIS = 1000;
    private static final int MAX_SUMMARY_DOCUMENTS = 20;

    private final transient LibraryService library;
    private final transient LibraryRetriever retriever;
    private final transient ObjectProvider<SelectionSummarizer> summarizer;
    private final transient LibraryProperties props;
    private final Viewer viewer;

    private final ComboBox<String> collection = new ComboBox<>("Collection");
    private final TextField tags = new TextField("Tags");
    private final TextField url = new TextField("Add a web page or file by URL");
    private final ComboBox<String> collectionFilter = new ComboBox<>();
    private final TextField titleFilter = new TextField();
    private final TextField query = new TextField();
    private final Select<SearchMode> mode = new Select<>();
    private static final String ASK = "Summarise the answer";
    private final Button ask = new Button(ASK, e -> summariseAnswer());
    private final Checkbox diversify = new Checkbox("Diversify (MMR)");
    private final Div results = new Div();
    private final Grid<LibraryDocument> grid = new Grid<>(LibraryDocument.class, false);
    private final Button summarise = new Button("Summarise selected", VaadinIcon.MAGIC.create());
    private final Button delete = new Button("Delete selected", VaadinIcon.TRASH.create());
    private boolean polling;
    private Registration pollRegistration;

    LibraryView(LibraryService library, LibraryRetriever retriever, ObjectProvider<SelectionSummarizer> summarizer,
                LibraryProperties props) {
        this.library = library;
        this.retriever = retriever;
        this.summarizer = summarizer;
        this.props = props;
        this.viewer = Viewer.current();
        addClassName("library-view");
        setWidthFull();
        setMaxWidth("100rem");
        addClassName(LumoUtility.Margin.Horizontal.AUTO);
        add(addSection(), searchSection(), documentsSection());
    }

    // ---- adding ----------------------------------------------------------------------------------------------------

    private Component addSection() {
        List<String> collections = collections();
        collection.setId("library-collection");
        collection.setItems(collections);
        collection.setAllowCustomValue(true);
        collection.addCustomValueSetListener(e -> {
            List<String> items = new ArrayList<>(collections());
            if (!items.contains(e.getDetail())) items.add(e.getDetail());
            collection.setItems(items);
            collection.setValue(e.getDetail());
        });
        collection.setValue(props.defaultCollection());
        collection.setHelperText("Pick one or type a new name");
        tags.setId("library-tags");
        tags.setPlaceholder("comma, separated");
        tags.setClearButtonVisible(true);

        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> addFile(meta.fileName(), meta.contentType(), bytes)));
        upload.setId("library-upload");
        upload.setMaxFiles(50);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, props.maxFileSize().toBytes()));
        upload.setAcceptedFileTypes(".pdf", ".html", ".htm", ".docx", ".md", ".markdown", ".txt", "application/pdf", "text/html",
                "text/plain", "text/markdown", SafeFetcher.DOCX);
        upload.setUploadButton(new Button("Upload files…", VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span("or drop PDF, HTML, DOCX, Markdown or text files here"));
        upload.addFileRejectedListener(e -> error(e.getFileName() + ": " + e.getErrorMessage()));
        upload.setWidthFull();

        url.setId("library-url");
        url.setPlaceholder("https://…");
        url.setClearButtonVisible(true);
        url.setWidthFull();
        Button addUrl = new Button("Add URL", VaadinIcon.LINK.create(), e -> addUrl());
        addUrl.setId("library-add-url");
        url.addKeyPressListener(Key.ENTER, e -> addUrl());
        HorizontalLayout urlRow = new HorizontalLayout(url, addUrl);
        urlRow.setWidthFull();
        urlRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        urlRow.setFlexGrow(1, url);

        HorizontalLayout where = new HorizontalLayout(collection, tags);
        where.addClassName(LumoUtility.FlexWrap.WRAP);
        Div section = new Div(new H3("Add documents"), where, upload, urlRow);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL, LumoUtility.Width.FULL);
        return section;
    }

    private void addFile(String fileName, String contentType, byte[] bytes) {
        try {
            Submission s = library.addFile(viewer, fileName, contentType, bytes, collection.getValue(), tagList(), null);
            submitted(s);
        } catch (ErrorResponseException e) {
            error(fileName + ": " + detail(e));
        }
    }

    private void addUrl() {
        if (url.getValue().isBlank()) {
            url.setInvalid(true);
            url.setErrorMessage("Type or paste a URL");
            return;
        }
        try {
            submitted(library.addUrl(viewer, url.getValue(), collection.getValue(), tagList(), null));
            url.clear();
            url.setInvalid(false);
        } catch (ErrorResponseException e) {
            url.setInvalid(true);
            url.setErrorMessage(detail(e));
        }
    }

    private void submitted(Submission s) {
        if (s.duplicate()) {
            Notification n = Notification.show(s.message(), 6000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        } else {
            Notification.show("'" + s.document().title() + "' is queued for ingestion.", 3000, Notification.Position.BOTTOM_START);
        }
        refreshCollections();
        grid.getDataProvider().refreshAll();
        startPolling();
    }

    private List<String> tagList() {
        return tags.getValue() == null || tags.getValue().isBlank() ? List.of() : List.of(tags.getValue());
    }

    // ---- search ----------------------------------------------------------------------------------------------------

    private Component searchSection() {
        query.setId("library-query");
        query.setPlaceholder("Ask a question or type keywords");
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setWidthFull();
        query.addKeyPressListener(Key.ENTER, e -> search());
        mode.setId("library-mode");
        mode.setItems(SearchMode.values());
        mode.setItemLabelGenerator(m -> switch (m) {
            case HYBRID -> "Hybrid (meaning + words)";
            case VECTOR -> "Meaning (vectors)";
            case TEXT -> "Words (full text)";
        });
        mode.setValue(SearchMode.HYBRID);
        mode.setAriaLabel("Ranking");
        Button go = new Button("Search", e -> search());
        go.setId("library-search");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.setId("library-ask");
        ask.setTooltipText("Summarise the passages that best answer the question, with citations into them");
        ask.setEnabled(summarizer.getIfAvailable() != null);
        HorizontalLayout bar = new HorizontalLayout(query, mode, diversify, go, ask);
        bar.setWidthFull();
        bar.setFlexGrow(1, query);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.addClassName(LumoUtility.FlexWrap.WRAP);
        results.setId("library-results");
        results.setWidthFull();
        results.getStyle().set("max-height", "28rem").set("overflow-y", "auto");
        Div section = new Div(new H3("Search"), bar, results);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL, LumoUtility.Width.FULL);
        return section;
    }

    private void search() {
        results.removeAll();
        if (query.getValue().isBlank()) return;
        RetrievalFilter filter = RetrievalFilter.visibleTo(viewer).inCollection(collectionFilter.getValue());
        SearchResult result;
        try {
            result = retriever.search(query.getValue(), filter, 8, mode.getValue(), diversify.getValue());
        } catch (ErrorResponseException e) {
            error(detail(e));
            return;
        }
        if (result.passages().isEmpty()) {
            Paragraph none = new Paragraph("No passages found" + (collectionFilter.getValue() != null
                    ? " in collection '" + collectionFilter.getValue() + "'." : ". Add documents above, or wait until they are ready."));
            none.addClassName(LumoUtility.TextColor.SECONDARY);
            results.add(none);
            return;
        }
        Span took = new Span(result.passages().size() + " passages in " + result.tookMs() + " ms");
        took.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        results.add(took);
        Set<String> terms = terms(query.getValue());
        for (Passage p : result.passages()) results.add(passageCard(p, terms));
    }

    private Component passageCard(Passage p, Set<String> terms) {
        Button title = new Button(p.title(), e -> library.find(p.documentId(), viewer).ifPresent(this::openDetail));
        title.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        title.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        Passage.Scores s = p.scores();
        Span scores = new Span(String.format(Locale.ROOT, "%s · chunk %d · characters %d–%d · vector %.2f%s · fused %.4f",
                p.collection(), p.chunk(), p.start(), p.end(), s.vector(),
                s.text() == null ? "" : String.format(Locale.ROOT, " · text %.3f", s.text()), s.fused()));
        scores.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Span text = highlighted(p.text(), terms);
        text.addClassName("library-passage-text");
        Div card = new Div(title, new Div(scores), new Div(text));
        card.addClassName("library-passage");
        card.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Border.BOTTOM, LumoUtility.BorderColor.CONTRAST_10);
        return card;
    }

    /** The query's words of three letters or more, lower case. */
    static Set<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        for (String w : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) terms.add(w);
        }
        return terms;
    }

    /** The text with every word that starts with a query term in a {@code <mark>}: text nodes only, no HTML. */
    static Span highlighted(String text, Set<String> terms) {
        Span span = new Span();
        if (terms.isEmpty()) {
            span.setText(text);
            return span;
        }
        StringBuilder alternatives = new StringBuilder();
        for (String t : terms) {
            if (alternatives.length() > 0) alternatives.append('|');
            // a term matches words it begins, minus a short English ending, so "erupted" marks "eruption"
            String stem = t.length() > 5 ? t.substring(0, t.length() - 2) : t;
            alternatives.append(Pattern.quote(stem));
        }
        Matcher m = Pattern.compile("(?iu)\\b(?:" + alternatives + ")[\\p{L}\\p{N}]*").matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) span.getElement().appendChild(Element.createText(text.substring(last, m.start())));
            span.getElement().appendChild(new Element("mark").setText(m.group()));
            last = m.end();
        }
        if (last < text.length()) span.getElement().appendChild(Element.createText(text.substring(last)));
        return span;
    }

    // ---- documents -------------------------------------------------------------------------------------------------

    private Component documentsSection() {
        collectionFilter.setId("library-collection-filter");
        collectionFilter.setPlaceholder("All collections");
        collectionFilter.setClearButtonVisible(true);
        collectionFilter.setItems(collections());
        collectionFilter.setAriaLabel("Collection filter");
        collectionFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        titleFilter.setId("library-title-filter");
        titleFilter.setPlaceholder("Filter by title");
        titleFilter.setClearButtonVisible(true);
        titleFilter.setValueChangeMode(ValueChangeMode.LAZY);
        titleFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("library-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LibraryDocument::title).setHeader("Title").setFlexGrow(4).setAutoWidth(false);
        grid.addColumn(LibraryDocument::collection).setHeader("Collection").setFlexGrow(1);
        grid.addComponentColumn(LibraryView::statusCell).setHeader("Status").setFlexGrow(2);
        grid.addColumn(d -> d.format() == null ? "" : d.format()).setHeader("Format").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(LibraryDocument::chunkCount).setHeader("Chunks").setFlexGrow(0).setWidth("6rem");
        grid.addColumn(d -> String.join(", ", d.tags())).setHeader("Tags").setFlexGrow(1);
        grid.addColumn(d -> WHEN.format(d.createdAt())).setHeader("Added").setFlexGrow(0).setWidth("10rem");
        grid.setItems(new CallbackDataProvider<LibraryDocument, Void>(
                q -> library.list(viewer, collectionFilter.getValue(), null, titleFilter.getValue(), q.getPage(), q.getPageSize())
                        .items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, library.list(viewer, collectionFilter.getValue(), null, titleFilter.getValue(), 0, 1).total()),
                LibraryDocument::id));
        grid.setPageSize(50);
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null) openDetail(e.getItem());
        });
        grid.addSelectionListener(e -> updateActions());
        grid.setHeight("28rem");
        grid.setEmptyStateText("No documents yet: upload files or add a URL above.");

        summarise.setId("library-summarise");
        summarise.addClickListener(e -> summariseSelected());
        delete.setId("library-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete(new ArrayList<>(grid.getSelectedItems())));
        updateActions();
        HorizontalLayout toolbar = new HorizontalLayout(collectionFilter, titleFilter, summarise, delete);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        toolbar.addClassName(LumoUtility.FlexWrap.WRAP);
        Div section = new Div(new H3("Documents"), toolbar, grid);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL, LumoUtility.Width.FULL);
        return section;
    }

    static Component statusCell(LibraryDocument d) {
        Span badge = new Span(d.status());
        badge.getElement().getThemeList().add("badge small");
        switch (d.status()) {
            case LibraryDocument.READY -> badge.getElement().getThemeList().add("success");
            case LibraryDocument.FAILED -> badge.getElement().getThemeList().add("error");
            default -> badge.getElement().getThemeList().add("contrast");
        }
        badge.addClassName("library-status");
        if (LibraryDocument.FAILED.equals(d.status()) && d.reason() != null) badge.setTitle(d.reason());
        if (LibraryDocument.PROCESSING.equals(d.status()) || LibraryDocument.QUEUED.equals(d.status())) {
            ProgressBar bar = new ProgressBar(0, 100, d.progress());
            bar.setWidth("5rem");
            bar.getElement().setAttribute("aria-label", "Progress " + d.progress() + "%");
            Span pct = new Span(d.progress() + "%");
            pct.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
            HorizontalLayout row = new HorizontalLayout(badge, bar, pct);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            row.setSpacing(true);
            return row;
        }
        if (LibraryDocument.FAILED.equals(d.status())) {
            Span reason = new Span(d.reason() == null ? "" : d.reason());
            reason.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.ERROR);
            HorizontalLayout row = new HorizontalLayout(badge, reason);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            return row;
        }
        return badge;
    }

    private void updateActions() {
        Set<LibraryDocument> selected = grid.getSelectedItems();
        delete.setEnabled(!selected.isEmpty());
        boolean canSummarise = summarizer.getIfAvailable() != null && !selected.isEmpty()
                && selected.stream().anyMatch(LibraryDocument::isReady);
        summarise.setEnabled(canSummarise);
        summarise.setTooltipText(summarizer.getIfAvailable() == null ? "Summaries are not available"
                : "A summary of the selected ready documents, with citations (at most " + MAX_SUMMARY_DOCUMENTS + ")");
    }

    private void openDetail(LibraryDocument listed) {
        LibraryDocument d = library.find(listed.id(), viewer).orElse(listed);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(d.title());
        dialog.setWidth("min(60rem, 95vw)");
        dialog.setId("library-detail");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(new Paragraph(meta(d)));
        body.add(statusCell(d));
        if (d.reason() != null) {
            Paragraph reason = new Paragraph(d.reason());
            reason.addClassName(LumoUtility.TextColor.ERROR);
            body.add(reason);
        }
        List<DocumentChunk> chunks = library.chunks(d.id(), viewer);
        if (!chunks.isEmpty()) {
            body.add(new H4(chunks.size() + (chunks.size() == 1 ? " chunk" : " chunks")));
            for (DocumentChunk c : chunks) {
                Span head = new Span("#" + c.ordinal() + " · characters " + c.start() + "–" + c.end() + " · ~" + c.tokens() + " tokens · "
                        + c.embeddingModel() + " " + c.embeddingVersion());
                head.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
                Paragraph text = new Paragraph(c.text());
                text.addClassNames(LumoUtility.Margin.Top.XSMALL, LumoUtility.FontSize.SMALL);
                Div chunk = new Div(head, text);
                chunk.addClassName("library-chunk");
                body.add(chunk);
            }
        }
        dialog.add(body);
        Button remove = new Button("Delete", VaadinIcon.TRASH.create(), e -> {
            dialog.close();
            confirmDelete(List.of(d));
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button("Close", e -> dialog.close());
        dialog.getFooter().add(remove, close);
        dialog.open();
    }

    private static String meta(LibraryDocument d) {
        List<String> parts = new ArrayList<>();
        parts.add("Collection " + d.collection());
        if (!d.tags().isEmpty()) parts.add("tags " + String.join(", ", d.tags()));
        if (d.sourceUrl() != null) parts.add(d.sourceUrl());
        if (d.fileName() != null) parts.add(d.fileName());
        if (d.format() != null) parts.add(d.format());
        if (d.chars() != null) parts.add(d.chars() + " characters");
        parts.add("added " + WHEN.format(d.createdAt()) + " by " + d.owner());
        return String.join(" · ", parts);
    }

    private void confirmDelete(List<LibraryDocument> documents) {
        if (documents.isEmpty()) return;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("library-confirm-delete");
        confirm.setHeader(documents.size() == 1 ? "Delete '" + documents.get(0).title() + "'?" : "Delete " + documents.size() + " documents?");
        confirm.setText("The documents and their chunks are removed from the Library; summaries made from them stay. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            int deleted = 0;
            for (LibraryDocument d : documents) if (library.delete(d.id(), viewer)) deleted++;
            grid.deselectAll();
            grid.getDataProvider().refreshAll();
            refreshCollections();
            Notification.show(deleted + (deleted == 1 ? " document" : " documents") + " deleted.", 3000, Notification.Position.BOTTOM_START);
        });
        confirm.open();
    }

    private void summariseAnswer() {
        SelectionSummarizer s = summarizer.getIfAvailable();
        if (s == null) return;
        if (query.getValue().isBlank()) {
            error("Type a question first.");
            return;
        }
        String question = query.getValue();
        String collection = collectionFilter.getValue();
        String owner = viewer.name();
        ask.setEnabled(false);
        ask.setText("Summarising…");
        UI ui = UI.getCurrent();
        // The retrieval reads what the signed-in user may see, so the worker thread carries the security context.
        Executor withUser = new DelegatingSecurityContextExecutor(ForkJoinPool.commonPool());
        CompletableFuture.supplyAsync(() -> s.summarizeQuestion(question, collection, owner), withUser)
                .whenComplete((route, failure) -> ui.access(() -> {
                    ask.setText(ASK);
                    ask.setEnabled(true);
                    if (failure != null) error(failureMessage(failure));
                    else ui.navigate(route);
                }));
    }

    private static String failureMessage(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ErrorResponseException e ? detail(e) : "The summary failed; try again.";
    }

    private void summariseSelected() {
        SelectionSummarizer s = summarizer.getIfAvailable();
        if (s == null) return;
        List<SelectionSummarizer.SelectedDocument> docs = new ArrayList<>();
        for (LibraryDocument d : grid.getSelectedItems()) {
            if (!d.isReady()) continue;
            Optional<String> text = library.text(d.id(), viewer);
            text.ifPresent(t -> docs.add(new SelectionSummarizer.SelectedDocument(d.id(), d.title(), t)));
        }
        if (docs.isEmpty()) {
            error("Select documents that are ready.");
            return;
        }
        if (docs.size() > MAX_SUMMARY_DOCUMENTS) {
            error("Select at most " + MAX_SUMMARY_DOCUMENTS + " documents to summarise together.");
            return;
        }
        summarise.setEnabled(false);
        summarise.setText("Summarising…");
        UI ui = UI.getCurrent();
        String owner = viewer.name();
        CompletableFuture.supplyAsync(() -> s.summarize(docs, owner)).whenComplete((route, failure) -> ui.access(() -> {
            summarise.setText("Summarise selected");
            updateActions();
            if (failure != null) error(failureMessage(failure));
            else ui.navigate(route);
        }));
    }

    // ---- polling for progress --------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        pollRegistration = event.getUI().addPollListener(e -> {
            if (!polling) return;
            grid.getDataProvider().refreshAll();
            if (!pending()) stopPolling();
        });
        if (pending()) startPolling();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling();
        event.getUI().setPollInterval(-1);
        if (pollRegistration != null) pollRegistration.remove();
        super.onDetach(event);
    }

    private boolean pending() {
        return library.list(viewer, null, LibraryDocument.QUEUED, null, 0, 1).total() > 0
                || library.list(viewer, null, LibraryDocument.PROCESSING, null, 0, 1).total() > 0;
    }

    private void startPolling() {
        if (polling) return;
        polling = true;
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
    }

    private void stopPolling() {
        polling = false;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private List<String> collections() {
        List<String> list = new ArrayList<>(library.collections(viewer));
        if (!list.contains(props.defaultCollection())) list.add(0, props.defaultCollection());
        return list;
    }

    private void refreshCollections() {
        String chosen = collection.getValue();
        String filter = collectionFilter.getValue();
        List<String> list = collections();
        if (chosen != null && !list.contains(chosen)) list.add(chosen);
        collection.setItems(list);
        collection.setValue(chosen);
        collectionFilter.setItems(collections());
        collectionFilter.setValue(filter);
    }

    private static String detail(ErrorResponseException e) {
        String d = e.getBody().getDetail();
        return d == null ? "The request was refused." : d;
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
