package io.precis.inference.llm;

/**
 * The language model could not produce a summary: the endpoint failed, timed out, answered malformed or empty
 * responses, or the circuit breaker is open. The message is a short reason fit to show to users.
 */
public class LlmUnavailableException extends RuntimeException {

    public LlmUnavailableException(String reason) {
        super(reason);
    }

    public LlmUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
