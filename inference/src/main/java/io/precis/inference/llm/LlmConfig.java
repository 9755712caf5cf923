package io.precis.inference.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp) and how hard to try.
 *
 * @param baseUrl             the endpoint, e.g. {@code http://vllm:8000} or {@code http://localhost:11434/v1};
 *                            {@code /v1} is added when the URL has no path ({@code VLLM_URL})
 * @param modelId             the model name the endpoint serves ({@code MODEL_ID})
 * @param apiKey              sent as {@code Authorization: Bearer …}; null or blank sends no header
 * @param contextTokens       the model's context length in tokens (prompt and output together), e.g. 32768 for
 *                            Mistral-7B-Instruct-v0.3, or vLLM's {@code --max-model-len} when it is smaller
 * @param timeout             longest wait for a complete answer, and for the next bit of a streamed one
 * @param maxRetries          retries after a 429, 408, 5xx or failed connection (0 to 10)
 * @param initialBackoff      wait before the first retry; doubled for each further one, up to {@code maxBackoff}
 * @param maxBackoff          longest wait between retries; a longer Retry-After ends the retries instead
 * @param breakerWindow       the circuit breaker opens when half of the last {@code breakerWindow} calls failed
 *                            (it needs that many calls first)
 * @param breakerOpenDuration how long an open breaker refuses calls before it lets one through to probe
 * @param temperature         sampling temperature; low, because summaries should be faithful rather than creative
 * @param mapParallelism      how many map calls of a map-reduce run at once
 */
public record LlmConfig(String baseUrl, String modelId, String apiKey, int contextTokens, Duration timeout,
        int maxRetries, Duration initialBackoff, Duration maxBackoff, int breakerWindow, Duration breakerOpenDuration,
        double temperature, int mapParallelism) {

    public static final int DEFAULT_CONTEXT_TOKENS = 8192;
    static final int MIN_CONTEXT_TOKENS = 1024;

    public LlmConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri = URI.create(baseUrl.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, not \"" + baseUrl + "\"");
        }
        baseUrl = baseUrl.trim();
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        modelId = modelId.trim();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        if (contextTokens < MIN_CONTEXT_TOKENS) {
            throw new IllegalArgumentException(
                    "contextTokens must be at least " + MIN_CONTEXT_TOKENS + ", was " + contextTokens);
        }
        requirePositive(timeout, "timeout");
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (breakerWindow < 1) {
            throw new IllegalArgumentException("breakerWindow must be at least 1, was " + breakerWindow);
        }
        requirePositive(breakerOpenDuration, "breakerOpenDuration");
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
        }
        if (mapParallelism < 1) {
            throw new IllegalArgumentException("mapParallelism must be at least 1, was " + mapParallelism);
        }
    }

    /**
     * Defaults for everything but the endpoint and model: no API key, {@value #DEFAULT_CONTEXT_TOKENS} context
     * tokens, a 60 s timeout, 2 retries backing off from 0.5 s to at most 10 s, a breaker over the last 6 calls that
     * stays open 30 s, temperature 0.2 and 4 parallel map calls.
     */
    public static LlmConfig of(String baseUrl, String modelId) {
        return new LlmConfig(baseUrl, modelId, null, DEFAULT_CONTEXT_TOKENS, Duration.ofSeconds(60), 2,
                Duration.ofMillis(500), Duration.ofSeconds(10), 6, Duration.ofSeconds(30), 0.2, 4);
    }

    /**
     * Reads {@code VLLM_URL} and {@code MODEL_ID} (both required), and optionally {@code VLLM_API_KEY},
     * {@code LLM_CONTEXT_TOKENS}, {@code LLM_TIMEOUT_SECONDS} and {@code LLM_MAX_RETRIES}; other settings keep
     * the defaults of {@link #of}.
     *
     * @throws IllegalArgumentException naming the variable that is missing or invalid
     */
    public static LlmConfig fromEnvironment(Map<String, String> env) {
        LlmConfig config = of(required(env, "VLLM_URL"), required(env, "MODEL_ID"))
                .withApiKey(env.get("VLLM_API_KEY"));
        if (env.get("LLM_CONTEXT_TOKENS") != null) {
            config = config.withContextTokens(integer(env, "LLM_CONTEXT_TOKENS"));
        }
        if (env.get("LLM_TIMEOUT_SECONDS") != null) {
            config = config.withTimeout(Duration.ofSeconds(integer(env, "LLM_TIMEOUT_SECONDS")));
        }
        if (env.get("LLM_MAX_RETRIES") != null) {
            config = config.withRetries(integer(env, "LLM_MAX_RETRIES"), config.initialBackoff, config.maxBackoff);
        }
        return config;
    }

    public LlmConfig withApiKey(String apiKey) {
        return new LlmConfig(baseUrl, modelId, apiKey, contextTokens, timeout, maxRetries, initialBackoff, maxBackoff,
                breakerWindow, breakerOpenDuration, temperature, mapParallelism);
    }

    public LlmConfig withContextTokens(int contextTokens) {
        return new LlmConfig(baseUrl, modelId, apiKey, contextTokens, timeout, maxRetries, initialBackoff, maxBackoff,
                breakerWindow, breakerOpenDuration, temperature, mapParallelism);
    }

    public LlmConfig withTimeout(Duration timeout) {
        return new LlmConfig(baseUrl, modelId, apiKey, contextTokens, timeout, maxRetries, initialBackoff, maxBackoff,
                breakerWindow, breakerOpenDuration, temperature, mapParallelism);
    }

    public LlmConfig withRetries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        return new LlmConfig(baseUrl, modelId, apiKey, contextTokens, timeout, maxRetries, initialBackoff, maxBackoff,
                breakerWindow, breakerOpenDuration, temperature, mapParallelism);
    }

    public LlmConfig withBreaker(int breakerWindow, Duration breakerOpenDuration) {
        return new LlmConfig(baseUrl, modelId, apiKey, contextTokens, timeout, maxRetries, initialBackoff, maxBackoff,
                breakerWindow, breakerOpenDuration, temperature, mapParallelism);
    }

    public LlmConfig withMapParallelism(int mapParallelism) {
        return new LlmConfig(baseUrl, modelId, apiKey, contextTokens, timeout, maxRetries, initialBackoff, maxBackoff,
                breakerWindow, breakerOpenDuration, temperature, mapParallelism);
    }

    /** The base URL the OpenAI client appends {@code /chat/completions} to. */
    String apiBaseUrl() {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String path = URI.create(url).getPath();
        return path == null || path.isEmpty() ? url + "/v1" : url;
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "LlmConfig[baseUrl=" + baseUrl + ", modelId=" + modelId + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", contextTokens=" + contextTokens + ", timeout=" + timeout + ", maxRetries=" + maxRetries
                + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", breakerWindow="
                + breakerWindow + ", breakerOpenDuration=" + breakerOpenDuration + ", temperature=" + temperature
                + ", mapParallelism=" + mapParallelism + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    private static int integer(Map<String, String> env, String name) {
        try {
            return Integer.parseInt(env.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + env.get(name) + "\"", e);
        }
    }
}
