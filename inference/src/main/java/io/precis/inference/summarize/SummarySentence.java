package io.precis.inference.summarize;

import java.util.List;
import java.util.Objects;

/** One sentence of a summary and the source spans it came from. */
public record SummarySentence(String text, List<Citation> citations) {

    public SummarySentence {
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(Objects.requireNonNull(citations, "citations"));
    }
}
