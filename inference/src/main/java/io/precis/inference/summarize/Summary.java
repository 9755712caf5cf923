package io.precis.inference.summarize;

import io.precis.inference.text.Words;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A summary: its sentences in reading order, who made it, and how.
 *
 * @param strategy how the documents were combined, e.g. "single" for one pass over all of them
 */
public record Summary(List<SummarySentence> sentences, ModelInfo model, String strategy) {

    public Summary {
        sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences"));
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(strategy, "strategy");
    }

    /** The sentences joined by single spaces. */
    public String text() {
        return sentences.stream().map(SummarySentence::text).collect(Collectors.joining(" "));
    }

    /** Words as counted by {@link Words#count(String)}. */
    public int wordCount() {
        return sentences.stream().mapToInt(s -> Words.count(s.text())).sum();
    }
}
