package io.precis.app.summarize;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.precis.inference.embed.Embedder;
import io.precis.inference.embed.MiniLmEmbedder;
import io.precis.inference.llm.FallbackSummarizer;
import io.precis.inference.llm.LlmConfig;
import io.precis.inference.llm.BestOfNSummarizer;
import io.precis.inference.llm.LlmSummarizer;
import io.precis.admin.models.LiveReward;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleBiFunction;
import io.precis.inference.summarize.ExtractiveSummarizer;
import io.precis.inference.summarize.Summarizer;

/**
 * The serving backend: the embedded extractive summariser (in-process MiniLM), or, when {@code VLLM_URL} is set,
 * the LLM with the embedded summariser as its fallback.
 */
@Configuration
class SummarizerConfig {
    static final String UI_TASKS = "summaryUiTasks";
    private static final Logger log = LoggerFactory.getLogger(SummarizerConfig.class);

    /** Runs summaries started in the UI, so the UI thread is free to push progress and streamed text. */
    @Bean(name = UI_TASKS, destroyMethod = "shutdown")
    ExecutorService summaryUiTasks() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "summary-ui-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    Embedder embedder() {
        return new MiniLmEmbedder();
    }

    @Bean
    Summarizer summarizer(Embedder embedder, LlmProperties llm, LiveReward reward) {
        return choose(embedder, llm, reward::currentReward);
    }

    static Summarizer choose(Embedder embedder, LlmProperties llm) {
        return choose(embedder, llm, () -> null);
    }

    static Summarizer choose(Embedder embedder, LlmProperties llm, Supplier<ToDoubleBiFunction<List<String>, String>> reward) {
        Summarizer embedded = new ExtractiveSummarizer(embedder);
        if (!llm.enabled()) {
            log.info("Summaries come from the embedded extractive model (set VLLM_URL and MODEL_ID for an LLM)");
            return embedded;
        }
        if (llm.modelId() == null || llm.modelId().isBlank()) {
            throw new IllegalStateException("VLLM_URL is set but MODEL_ID is not: name the model the endpoint serves");
        }
        LlmConfig config = LlmConfig.of(llm.url(), llm.modelId())
                .withApiKey(llm.apiKey())
                .withContextTokens(llm.contextTokens())
                .withTimeout(llm.timeout());
        config = config.withRetries(llm.maxRetries(), config.initialBackoff(), config.maxBackoff());
        log.info("Summaries come from {} at {}, falling back to the embedded model", config.modelId(), config.baseUrl());
        Summarizer primary = new LlmSummarizer(config, embedder);
        if (llm.bestOf() > 1) {
            log.info("Best-of-{} sampling, reranked by the production reward model when there is one", llm.bestOf());
            primary = new BestOfNSummarizer(primary, llm.bestOf(), reward);
        }
        return new FallbackSummarizer(primary, embedded);
    }
}
