package io.precis.inference.summarize;

import io.precis.inference.text.Words;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A summary: its sentences in reading order, who made it, and how.
 *
 * @param strategy how the documents were combined: "single", "map-reduce" or "refine" (see {@link Mode#label()})
 * @param notices  what the reader should know about how it was made, e.g. that the LLM was unreachable and the
 *                 embedded backend answered instead; empty when there is nothing to say
 */
public record Summary(List<SummarySentence> sentences, ModelInfo model, String strategy, List<String> notices) {

    public Summary {
        sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences"));
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(strategy, "strategy");
        notices = List.copyOf(Objects.requireNonNull(notices, "notices"));
    }

    public Summary(List<SummarySentence> sentences, ModelInfo model, String strategy) {
        this(sentences, model, strategy, List.of());
    }

    /** This summary with one more notice. */
    public Summary withNotice(String notice) {
        List<String> all = new java.util.ArrayList<>(notices);
        all.add(notice);
        return new Summary(sentences, model, strategy, all);
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
