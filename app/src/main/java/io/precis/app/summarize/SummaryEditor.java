package io.precis.app.summarize;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponseException;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;

import io.precis.admin.feedback.PreferencePairs;
import io.precis.app.security.CurrentUser;
import io.precis.app.security.Role;

/**
 * Edits a summary: the analyst's text is recorded as a preference pair, preferred over the original, through the
 * same service as {@code POST /api/v1/feedback/edits}. Ctrl+Enter saves, Esc cancels.
 */
class SummaryEditor extends Dialog {
    private static final Logger log = LoggerFactory.getLogger(SummaryEditor.class);

    private final SummaryResult original;
    private final transient PreferencePairs pairs;
    private final TextArea text = new TextArea("Your version of the summary");

    SummaryEditor(SummaryResult original, PreferencePairs pairs) {
        this.original = original;
        this.pairs = pairs;
        setHeaderTitle("Edit the summary");
        setWidth("min(48rem, 95vw)");
        addClassName("summary-editor");

        text.setId("summary-edit-text");
        text.setWidthFull();
        text.setMinHeight("12rem");
        text.setMaxHeight("60vh");
        text.setMaxLength(PreferencePairs.MAX_TEXT);
        text.setValue(original.summary());
        text.setHelperText("Ctrl+Enter saves, Esc cancels. Your text is kept as preferred over the original and "
                + "helps train the next model; the original summary stays as it is.");
        text.addValueChangeListener(e -> text.setInvalid(false));
        add(text);

        Button save = new Button("Save edit", e -> save());
        save.setId("summary-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setTooltipText("Save (Ctrl+Enter)");
        // Only while typing here, so the Summarise view's own Ctrl+Enter does not fire behind the dialog.
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(text).resetFocusOnActiveElement();
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("summary-edit-cancel");
        getFooter().add(cancel, save);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) text.focus();
        });
    }

    private void save() {
        Optional<String> problem = problemWith(original.summary(), text.getValue());
        if (problem.isPresent()) {
            showError(problem.get());
            return;
        }
        try {
            pairs.fromEdit(original.id(), text.getValue(), CurrentUser.name(), CurrentUser.hasRole(Role.OPERATOR));
            Notification n = Notification.show("Edit saved: your version is recorded as preferred over the original.",
                    5000, Notification.Position.BOTTOM_END);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            n.addClassName("edit-saved");
            close();
        } catch (ErrorResponseException e) {
            showError(SummaryPanel.detail(e));
        } catch (RuntimeException e) {
            log.warn("saving an edit of summary {} failed", original.id(), e);
            showError("The edit could not be saved. Please try again.");
        }
    }

    private void showError(String message) {
        text.setErrorMessage(message);
        text.setInvalid(true);
        text.focus();
    }

    /** What is wrong with an edit, in words for the analyst; empty when it can be saved. */
    static Optional<String> problemWith(String original, String edited) {
        if (edited == null || edited.isBlank()) {
            return Optional.of("The edited summary is empty. Write the summary you would want, or press Esc to cancel.");
        }
        if (edited.length() > PreferencePairs.MAX_TEXT) {
            return Optional.of("The edited summary has " + edited.length() + " characters; it may have at most "
                    + PreferencePairs.MAX_TEXT + ".");
        }
        if (SummaryResult.sameText(edited, original)) {
            return Optional.of("The summary is unchanged. Change the text before saving, or press Esc to cancel.");
        }
        return Optional.empty();
    }
}
