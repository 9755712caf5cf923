package io.precis.app.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.precis.inference.embed.Embedder;
import io.precis.inference.llm.FallbackSummarizer;
import io.precis.inference.summarize.ExtractiveSummarizer;

class SummarizerConfigTest {
    static final Embedder NO_EMBEDDINGS = new Embedder() {
        @Override
        public float[][] embed(List<String> texts) {
            throw new UnsupportedOperationException("not needed to choose a backend");
        }

        @Override
        public String modelName() {
            return "none";
        }

        @Override
        public String modelVersion() {
            return "0";
        }

        @Override
        public int dimensions() {
            return 1;
        }
    };

    @Test
    void usesTheEmbeddedModelWithoutAnLlmUrl() {
        var props = new LlmProperties("", "", "", 8192, Duration.ofSeconds(60), 2, 1);
        assertThat(SummarizerConfig.choose(NO_EMBEDDINGS, props)).isInstanceOf(ExtractiveSummarizer.class);
    }

    @Test
    void usesTheLlmWithTheEmbeddedFallbackWhenConfigured() {
        var props = new LlmProperties("http://vllm:8000/v1", "mistralai/Mistral-7B-Instruct-v0.3", "secret", 32768, Duration.ofSeconds(30), 1, 1);
        var summarizer = SummarizerConfig.choose(NO_EMBEDDINGS, props);
        assertThat(summarizer).isInstanceOf(FallbackSummarizer.class);
        assertThat(summarizer.model().name()).contains("Mistral-7B-Instruct-v0.3");
    }

    @Test
    void refusesAnLlmUrlWithoutAModel() {
        var props = new LlmProperties("http://vllm:8000/v1", " ", null, 8192, Duration.ofSeconds(60), 2, 1);
        assertThatThrownBy(() -> SummarizerConfig.choose(NO_EMBEDDINGS, props)).hasMessageContaining("MODEL_ID");
    }

    @Test
    void bestOfMustBeAtLeastOne() {
        assertThatThrownBy(() -> new LlmProperties("http://vllm:8000/v1", "m", null, 8192, Duration.ofSeconds(60), 2, 0))
                .hasMessageContaining("best-of");
        var props = new LlmProperties("http://vllm:8000/v1", "m", null, 8192, Duration.ofSeconds(60), 2, 3);
        assertThat(SummarizerConfig.choose(NO_EMBEDDINGS, props, () -> null)).isInstanceOf(io.precis.inference.llm.FallbackSummarizer.class);
    }
}
