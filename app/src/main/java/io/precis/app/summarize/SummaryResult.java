package io.precis.app.summarize;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.SummarySentence;

/**
 * A stored summary as the API and the UI show it. {@code sentences[].citations[]} point into
 * {@code documents} by index and character offsets; a sentence without citations is unsupported by the sources.
 * {@code mode} is what was asked for, {@code strategy} what ran; {@code notices} say what the reader should know
 * (for example that the embedded backend answered because the LLM was unavailable). {@code sources} name each
 * document by its index, with its {@code origin} where it came from elsewhere (a Library passage for a
 * question-focused summary).
 */
public record SummaryResult(UUID id, String title, String summary, List<SummarySentence> sentences, ModelInfo model,
                            String mode, String strategy, List<String> notices, Timings timings, int maxWords, Instant createdAt,
                            @com.fasterxml.jackson.annotation.JsonIgnore List<SourceDocument> documents) {

    public record Timings(long totalMs) {
    }

    /** A summarised document as the result names it: its index (what citations use), title and origin. */
    public record Source(int index, String title, String origin) {
    }

    @com.fasterxml.jackson.annotation.JsonProperty("sources")
    public List<Source> sources() {
        return java.util.stream.IntStream.range(0, documents.size())
                .mapToObj(i -> new Source(i, documents.get(i).title(), documents.get(i).origin()))
                .toList();
    }

    /** Whether two summary texts read the same: runs of white space count as one space, so a new line is no edit. */
    static boolean sameText(String a, String b) {
        return normalised(a).equals(normalised(b));
    }

    private static String normalised(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    static SummaryResult of(SummaryRecord r) {
        return new SummaryResult(r.id(), r.title(), r.summary(), r.sentences(), r.model(), r.mode(), r.strategy(), r.notices(),
                new Timings(r.totalMs()), r.maxWords(), r.createdAt(), r.documents());
    }
}
