package io.precis.inference.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleBiFunction;

import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summarizer;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;

/**
 * Best-of-n sampling: asks the language model for {@code n} summaries of the same request and keeps the one the
 * reward model scores highest. The reward comes from {@code reward} at each request (the production reward model
 * can change); when there is none, one sample is taken and returned as it is. Samples that fail are skipped; only
 * when all fail does the last failure propagate (so {@link FallbackSummarizer} can answer instead).
 */
public final class BestOfNSummarizer implements Summarizer {
    private final Summarizer sampler;
    private final int n;
    private final Supplier<ToDoubleBiFunction<List<String>, String>> reward;

    /**
     * @param n      samples per request, at least 1
     * @param reward the current reward (documents, summary text) → score, or null while there is no reward model
     */
    public BestOfNSummarizer(Summarizer sampler, int n, Supplier<ToDoubleBiFunction<List<String>, String>> reward) {
        if (n < 1) {
            throw new IllegalArgumentException("best-of must be at least 1, was " + n);
        }
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.n = n;
        this.reward = Objects.requireNonNull(reward, "reward");
    }

    @Override
    public Summary summarize(SummaryRequest request) {
        ToDoubleBiFunction<List<String>, String> score = n == 1 ? null : reward.get();
        if (score == null) {
            return sampler.summarize(request);
        }
        List<String> documents = request.documents().stream().map(SourceDocument::text).toList();
        List<Summary> samples = new ArrayList<>(n);
        RuntimeException failure = null;
        for (int i = 0; i < n; i++) {
            try {
                samples.add(sampler.summarize(request));
            } catch (LlmUnavailableException e) {
                failure = e;
            }
        }
        if (samples.isEmpty()) {
            throw failure;
        }
        Summary best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Summary sample : samples) {
            double s = score.applyAsDouble(documents, sample.text());
            if (best == null || s > bestScore) {
                best = sample;
                bestScore = s;
            }
        }
        return best;
    }

    @Override
    public ModelInfo model() {
        return sampler.model();
    }
}
