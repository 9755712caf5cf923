package io.precis.app.summarize;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The production backend: an OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp). Off when {@code url} is blank.
 *
 * @param url           base URL of the endpoint ({@code VLLM_URL}), e.g. http://vllm:8000/v1
 * @param modelId       the served model ({@code MODEL_ID}), e.g. mistralai/Mistral-7B-Instruct-v0.3
 * @param apiKey        sent as a bearer token when set ({@code VLLM_API_KEY})
 * @param contextTokens the model's context length as the server allows it ({@code LLM_CONTEXT_TOKENS})
 * @param timeout       the longest wait for an answer, or between streamed pieces
 * @param maxRetries    retries on 429 and 5xx, with exponential backoff
 */
@ConfigurationProperties("precis.llm")
public record LlmProperties(String url, String modelId, String apiKey, int contextTokens, Duration timeout, int maxRetries) {

    public boolean enabled() {
        return url != null && !url.isBlank();
    }
}
