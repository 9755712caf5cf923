package io.precis.inference.summarize;

import java.util.Objects;

/**
 * A document to summarise.
 *
 * @param title  may be null or empty
 * @param text   the text that citations point into; may be blank (such documents are skipped)
 * @param origin where the text came from when that is not the request itself (for example the Library passage
 *               {@code /api/v1/documents/<id>#<start>-<end>}); null otherwise
 */
public record SourceDocument(String title, String text, String origin) {

    public SourceDocument {
        Objects.requireNonNull(text, "text");
    }

    public SourceDocument(String title, String text) {
        this(title, text, null);
    }
}
