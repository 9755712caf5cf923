package io.precis.app.summarize;

import java.util.List;

/**
 * A request to summarise, as the API and the UI send it: documents, and either a named {@code length}
 * ("short", "medium", "long") or {@code maxWords}.
 */
public record SummarizeCommand(List<DocumentInput> documents, String length, Integer maxWords) {

    public record DocumentInput(String title, String text) {
    }
}
