package io.precis.app.summarize;

import java.util.List;

/**
 * A request to summarise, as the API and the UI send it: documents, either a named {@code length}
 * ("short", "medium", "long") or {@code maxWords}, and a {@code mode} ("auto", "single", "map-reduce", "refine";
 * auto when absent).
 */
public record SummarizeCommand(List<DocumentInput> documents, String length, Integer maxWords, String mode) {

    public SummarizeCommand(List<DocumentInput> documents, String length, Integer maxWords) {
        this(documents, length, maxWords, null);
    }

    public record DocumentInput(String title, String text) {
    }
}
