package io.precis.inference.summarize;

import java.util.Objects;

/**
 * A document to summarise.
 *
 * @param title may be null or empty
 * @param text  the text that citations point into; may be blank (such documents are skipped)
 */
public record SourceDocument(String title, String text) {

    public SourceDocument {
        Objects.requireNonNull(text, "text");
    }
}
