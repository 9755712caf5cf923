package io.precis.inference.llm;

import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.Summarizer;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with the primary summariser, and with the fallback when the primary fails, saying so in a notice.
 * Invalid requests ({@link IllegalArgumentException}) are not retried with the fallback: they would fail there
 * too, or the caller asked for something the primary cannot do. Meant for {@link LlmSummarizer} in front of the
 * embedded extractive summariser; its circuit breaker makes the fallback immediate while the model is down.
 */
public final class FallbackSummarizer implements StreamingSummarizer {

    private static final Logger log = LoggerFactory.getLogger(FallbackSummarizer.class);

    private final Summarizer primary;
    private final Summarizer fallback;

    public FallbackSummarizer(Summarizer primary, Summarizer fallback) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Summary summarize(SummaryRequest request) {
        try {
            return primary.summarize(request);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return fallBack(request, e);
        }
    }

    /** Streams when the primary can; the fallback's summary is not streamed. */
    @Override
    public Summary summarize(SummaryRequest request, Consumer<String> onToken) {
        if (!(primary instanceof StreamingSummarizer streaming)) {
            return summarize(request);
        }
        try {
            return streaming.summarize(request, onToken);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return fallBack(request, e);
        }
    }

    @Override
    public ModelInfo model() {
        return primary.model();
    }

    private Summary fallBack(SummaryRequest request, RuntimeException failure) {
        String reason = failure instanceof LlmUnavailableException ? failure.getMessage()
                : "unexpected error: " + failure.getClass().getSimpleName();
        if (failure instanceof LlmUnavailableException) {
            log.warn("The language model is unavailable ({}); using {}", reason, fallback.model().name());
        } else {
            log.error("The language model failed unexpectedly; using {}", fallback.model().name(), failure);
        }
        return fallback.summarize(request).withNotice("The language model was unavailable (" + reason
                + "); this summary comes from the embedded extractive model.");
    }
}
