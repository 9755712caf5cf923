package io.precis.app.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import jakarta.annotation.security.RolesAllowed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.ErrorResponseException;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.precis.app.security.CurrentUser;
import io.precis.app.ui.MainLayout;
import io.precis.inference.summarize.Mode;
import io.precis.inference.text.Words;

/**
 * Paste text or upload .txt/.md files, pick a length, summarise, then check each summary sentence against the
 * passage it was taken from and give feedback.
 *
 * <p>The summary is computed synchronously in a second round trip (after the busy state has reached the
 * browser), so no server push is needed.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Summarise · Precis")
@RolesAllowed("ANALYST")
public class SummarizeView extends VerticalLayout {
    private static final Logger log = LoggerFactory.getLogger(SummarizeView.class);
    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** The length presets offered, in the order shown. */
    enum LengthChoice {
        AUTO("Auto", "fits the input"), SHORT("Short", "up to 50 words"), MEDIUM("Medium", "up to 100 words"),
        LONG("Long", "up to 200 words");

        final String label;
        final String hint;

        LengthChoice(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }
    }

    private record UploadedDocument(String fileName, SummarizeCommand.DocumentInput input) {
    }

    private final transient SummarizeService service;
    private final transient SummaryTools tools;
    private final transient Executor tasks;
    private final List<UploadedDocument> uploads = new ArrayList<>();

    private final TextArea text = new TextArea("Text to summarise");
    private final Upload upload;
    private final RadioButtonGroup<LengthChoice> length = new RadioButtonGroup<>("Length");
    private final Select<Mode> mode = new Select<>();
    private final Button summarise = new Button("Summarise", VaadinIcon.MAGIC.create());
    private final ProgressBar progress = new ProgressBar();
    private final Span progressLabel = new Span("Summarising…");
    private final HorizontalLayout busy = new HorizontalLayout();
    private final Div error = new Div();
    private final Div emptyState = new Div();
    private final Div resultArea = new Div();

    SummarizeView(SummarizeService service, SummaryTools tools, SummarizeProperties props,
                  @Qualifier(SummarizerConfig.UI_TASKS) Executor tasks) {
        this.service = service;
        this.tasks = tasks;
        this.tools = tools;
        addClassName("summarize-view");
        setWidthFull();
        setMaxWidth("90rem");
        addClassName(LumoUtility.Margin.Horizontal.AUTO);

        text.setId("source-text");
        text.setWidthFull();
        text.setMinHeight("12rem");
        text.setMaxHeight("40vh");
        text.setMaxLength(props.maxChars());
        text.setPlaceholder("Paste an article, report or meeting notes here: a few paragraphs or more. "
                + "Separate paragraphs with a blank line. Or upload .txt / .md files below.");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setHelperText("Tip: press Ctrl+Enter to summarise.");
        text.addValueChangeListener(e -> {
            int words = Words.count(e.getValue());
            text.setHelperText(words == 0 ? "Tip: press Ctrl+Enter to summarise."
                    : words + (words == 1 ? " word" : " words") + " · Ctrl+Enter to summarise");
            clearError();
        });

        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> accept(meta.fileName(), bytes)));
        upload.setId("source-files");
        upload.setMaxFiles(props.maxDocuments());
        upload.setMaxFileSize((int) MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".txt", ".md", ".markdown", "text/plain", "text/markdown");
        Button uploadButton = new Button("Upload .txt / .md files…", VaadinIcon.UPLOAD.create());
        upload.setUploadButton(uploadButton);
        upload.setDropLabel(new Span("or drop them here"));
        upload.addFileRejectedListener(e -> SummaryPanel.notifyError(rejection(e.getFileName(), e.getErrorMessage())));
        upload.addFileRemovedListener(e -> removeUpload(e.getFileName()));
        upload.setWidthFull();

        length.setId("length");
        length.setItems(LengthChoice.values());
        length.setItemLabelGenerator(c -> c.label + " (" + c.hint + ")");
        length.setValue(LengthChoice.AUTO);

        mode.setId("mode");
        mode.setLabel("Strategy");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(SummarizeView::describe);
        mode.setValue(Mode.AUTO);
        mode.setTooltipText("Auto picks map-reduce for several or long documents, else a single pass");

        summarise.setId("summarise");
        summarise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        summarise.setDisableOnClick(true);
        summarise.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        summarise.setTooltipText("Summarise (Ctrl+Enter)");
        summarise.addClickListener(e -> start());

        progress.setIndeterminate(true);
        progress.setWidth("12rem");
        progress.getElement().setAttribute("aria-label", "Summarising");
        busy.add(progress, progressLabel);
        busy.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        busy.setVisible(false);
        busy.addClassName("summarize-busy");

        HorizontalLayout actions = new HorizontalLayout(length, mode, summarise, busy);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        actions.addClassName(LumoUtility.FlexWrap.WRAP);
        actions.setWidthFull();

        error.setId("summarize-error");
        error.getElement().setAttribute("role", "alert");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.Background.ERROR_10, LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.BorderRadius.MEDIUM);
        error.setVisible(false);

        Icon icon = VaadinIcon.FILE_TEXT_O.create();
        icon.setSize("var(--lumo-icon-size-l)");
        icon.addClassName(LumoUtility.TextColor.TERTIARY);
        Paragraph what = new Paragraph("No summary yet. Paste some text or upload .txt / .md files, choose a length, "
                + "then press Summarise.");
        Paragraph how = new Paragraph("Every summary sentence is taken from your text: select one to see exactly "
                + "where it comes from.");
        how.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.NONE);
        emptyState.add(icon, what, how);
        emptyState.setId("summarize-empty");
        emptyState.addClassNames(LumoUtility.TextAlignment.CENTER, LumoUtility.Padding.Vertical.XLARGE,
                LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Border.ALL, LumoUtility.Border.DASHED,
                LumoUtility.BorderColor.CONTRAST_20, LumoUtility.BorderRadius.LARGE, LumoUtility.BoxSizing.BORDER,
                LumoUtility.Width.FULL);

        resultArea.setId("summary-result");
        resultArea.setWidthFull();

        Div input = new Div(text, upload, actions, error);
        input.setWidthFull();
        input.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        add(input, emptyState, resultArea);
    }

    /** Runs under the session lock (the in-memory upload handler calls back through {@code UI.access}). */
    private void accept(String fileName, byte[] bytes) {
        try {
            uploads.add(new UploadedDocument(fileName, UploadedText.read(fileName, bytes)));
            clearError();
        } catch (ErrorResponseException e) {
            SummaryPanel.notifyError(SummaryPanel.detail(e) + " It will not be summarised; remove it from the list.");
        }
    }

    private void removeUpload(String fileName) {
        for (int i = 0; i < uploads.size(); i++) {
            if (uploads.get(i).fileName().equals(fileName)) {
                uploads.remove(i);
                return;
            }
        }
    }

    private static String rejection(String fileName, String clientMessage) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (UploadedText.EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            return "'" + fileName + "' is not a supported file type: upload a .txt or .md file.";
        }
        if (clientMessage != null && clientMessage.toLowerCase(Locale.ROOT).contains("big")) {
            return "'" + fileName + "' is larger than " + (MAX_FILE_BYTES / (1024 * 1024)) + " MB.";
        }
        return "'" + fileName + "' was not accepted" + (clientMessage == null ? "." : ": " + clientMessage);
    }

    private List<SummarizeCommand.DocumentInput> documents() {
        List<SummarizeCommand.DocumentInput> documents = new ArrayList<>();
        if (!text.getValue().isBlank()) documents.add(new SummarizeCommand.DocumentInput(null, text.getValue()));
        uploads.forEach(u -> documents.add(u.input()));
        return documents;
    }

    private void start() {
        clearError();
        List<SummarizeCommand.DocumentInput> documents = documents();
        if (documents.isEmpty()) {
            showError("There is nothing to summarise yet: paste some text or upload a .txt or .md file.");
            summarise.setEnabled(true);
            text.focus();
            return;
        }
        String chosen = (length.getValue() == null ? LengthChoice.AUTO : length.getValue()).name().toLowerCase(Locale.ROOT);
        String strategy = (mode.getValue() == null ? Mode.AUTO : mode.getValue()).label();
        SummarizeCommand command = new SummarizeCommand(documents, chosen, null, strategy);
        setBusy(true);
        Paragraph draft = new Paragraph();
        draft.addClassName("summary-draft");
        draft.setVisible(false);
        emptyState.setVisible(false);
        resultArea.removeAll();
        resultArea.add(draft);
        UI ui = UI.getCurrent();
        String owner = CurrentUser.name();
        // Off the UI thread, so the progress shows at once and an LLM's text can stream in through server push.
        tasks.execute(() -> run(ui, command, owner, draft));
    }

    private void run(UI ui, SummarizeCommand command, String owner, Paragraph draft) {
        try {
            SummaryResult result = service.summarize(command, owner, token -> ui.access(() -> {
                draft.setVisible(true);
                draft.setText(draft.getText() + token);
            }));
            ui.access(() -> show(result));
        } catch (ErrorResponseException e) {
            ui.access(() -> showError(SummaryPanel.detail(e)));
        } catch (RuntimeException e) {
            log.error("summarising from the UI failed", e);
            ui.access(() -> showError("Summarising failed unexpectedly. Please try again; if it keeps failing, tell your administrator."));
        } finally {
            ui.access(() -> setBusy(false));
        }
    }

    private void show(SummaryResult result) {
        emptyState.setVisible(false);
        resultArea.removeAll();
        SummaryPanel panel = new SummaryPanel(result, tools);
        resultArea.add(panel);
        panel.scrollIntoView();
    }

    private void setBusy(boolean on) {
        busy.setVisible(on);
        summarise.setEnabled(!on);
        text.setReadOnly(on);
        length.setReadOnly(on);
        mode.setReadOnly(on);
    }

    private static String describe(Mode m) {
        return switch (m) {
            case AUTO -> "Auto (recommended)";
            case SINGLE -> "Single pass";
            case MAP_REDUCE -> "Map-reduce (each part, then combine)";
            case REFINE -> "Refine (read in order, revise)";
        };
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        SummaryPanel.notifyError(message);
    }

    private void clearError() {
        if (error.isVisible()) {
            error.setVisible(false);
            error.setText("");
        }
    }
}
