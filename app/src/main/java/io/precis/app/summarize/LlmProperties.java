package io.precis.app.summarize;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The production backend: an OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp). Off when {@code url} is blank.
 *
 * @param url           base URL of the endpoint ({@code VLLM_URL}), e.g. http://vllm:8000/v1
 * @param modelId       the served model ({@code MODEL_ID}), e.g. mistralai/Mistral-7B-Instruct-v0.3
 * @param apiKey        sent as a bearer token when set ({@code VLLM_API_KEY})
 * @param contextTokens the model's context length as the server allows it ({@code LLM_CONTEXT_TOKENS})
 * @param timeout       the longest wait for an answer, or between streamed pieces
 * @param maxRetries    retries on 429 and 5xx, with exponential backoff
 * @param bestOf        samples per summary, reranked by the production reward model ({@code PRECIS_LLM_BEST_OF}, 1: no reranking)
 */
@ConfigurationProperties("precis.llm")
public record LlmProperties(String url, String modelId, String apiKey, int contextTokens, Duration timeout, int maxRetries,
        @DefaultValue("1") int bestOf) {

    public LlmProperties {
        if (bestOf < 1) {
            throw new IllegalArgumentException("precis.llm.best-of must be at least 1, was " + bestOf);
        }
    }

    public boolean enabled() {
        return url != null && !url.isBlank();
    }
}
