package io.precis.app.summarize;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.SummarySentence;

/**
 * A stored summary as the API and the UI show it. {@code sentences[].citations[]} point into
 * {@code documents} by index and character offsets.
 */
public record SummaryResult(UUID id, String title, String summary, List<SummarySentence> sentences, ModelInfo model,
                            String strategy, Timings timings, int maxWords, Instant createdAt,
                            @com.fasterxml.jackson.annotation.JsonIgnore List<SourceDocument> documents) {

    public record Timings(long totalMs) {
    }

    static SummaryResult of(SummaryRecord r) {
        return new SummaryResult(r.id(), r.title(), r.summary(), r.sentences(), r.model(), r.strategy(),
                new Timings(r.totalMs()), r.maxWords(), r.createdAt(), r.documents());
    }
}
