package io.precis.app.summarize;

import java.util.List;

/**
 * A request to summarise, as the API and the UI send it: either {@code documents}, or a {@code query} answered from
 * the Library (optionally within one {@code collection}); either a named {@code length} ("auto", "short", "medium",
 * "long") or {@code maxWords}; and a {@code mode} ("auto", "single", "map-reduce", "refine"; auto when absent).
 */
public record SummarizeCommand(List<DocumentInput> documents, String length, Integer maxWords, String mode,
                               String query, String collection) {

    public SummarizeCommand(List<DocumentInput> documents, String length, Integer maxWords, String mode) {
        this(documents, length, maxWords, mode, null, null);
    }

    public SummarizeCommand(List<DocumentInput> documents, String length, Integer maxWords) {
        this(documents, length, maxWords, null);
    }

    public record DocumentInput(String title, String text) {
    }
}
