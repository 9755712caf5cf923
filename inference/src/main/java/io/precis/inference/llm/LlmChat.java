package io.precis.inference.llm;

/**
 * One prompt in, one completion's text out, with the retries and circuit breaker of every LLM call: for features
 * other than summaries (the research planner). Thread-safe.
 */
public final class LlmChat {
    private final ChatEndpoint endpoint;
    private final LlmConfig config;

    public LlmChat(LlmConfig config) {
        this.config = config;
        this.endpoint = new ChatEndpoint(config);
    }

    /** @throws LlmUnavailableException when the endpoint fails, with a reason for users */
    public String complete(String prompt, int maxTokens) {
        return endpoint.complete(prompt, maxTokens).text();
    }

    public String modelId() {
        return config.modelId();
    }
}
