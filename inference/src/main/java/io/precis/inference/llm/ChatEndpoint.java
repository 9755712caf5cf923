package io.precis.inference.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One prompt in, one completion out, through langchain4j's OpenAI client, with retries and a circuit breaker
 * around every call. Every failure leaves as an {@link LlmUnavailableException} with a reason for users.
 * Thread-safe.
 */
final class ChatEndpoint {

    /** @param truncated the model stopped at max_tokens, so the last sentence may be cut off */
    record Completion(String text, String modelName, boolean truncated) {
    }

    private static final Logger log = LoggerFactory.getLogger(ChatEndpoint.class);

    private final LlmConfig config;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final CircuitBreaker breaker;
    private final Backoff backoff;

    ChatEndpoint(LlmConfig config) {
        this(config, new Backoff(config, Backoff::sleep));
    }

    ChatEndpoint(LlmConfig config, Backoff backoff) {
        this.config = config;
        this.backoff = backoff;
        // Retries are ours (langchain4j's ignore Retry-After), hence maxRetries(0).
        this.chat = OpenAiChatModel.builder()
                .httpClientBuilder(new EndpointHttpClient.Builder())
                .baseUrl(config.apiBaseUrl())
                .apiKey(config.apiKey())
                .modelName(config.modelId())
                .temperature(config.temperature())
                .timeout(config.timeout())
                .maxRetries(0)
                .build();
        this.streaming = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new EndpointHttpClient.Builder())
                .baseUrl(config.apiBaseUrl())
                .apiKey(config.apiKey())
                .modelName(config.modelId())
                .temperature(config.temperature())
                .timeout(config.timeout())
                .build();
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.breakerWindow())
                .minimumNumberOfCalls(config.breakerWindow())
                .failureRateThreshold(50)
                .waitDurationInOpenState(config.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreExceptions(CancellationException.class)
                .build());
    }

    Completion complete(String prompt, int maxTokens) {
        return call(() -> completion(chat.chat(request(prompt, maxTokens))), () -> true);
    }

    /** Streams the completion's text to {@code onToken}; retries only while nothing has been streamed yet. */
    Completion stream(String prompt, int maxTokens, Consumer<String> onToken) {
        AtomicBoolean streamed = new AtomicBoolean();
        return call(() -> streamOnce(request(prompt, maxTokens), onToken, streamed), () -> !streamed.get());
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private Completion call(Supplier<Completion> attempt, BooleanSupplier mayRetry) {
        for (int attempts = 1; ; attempts++) {
            try {
                return breaker.executeSupplier(attempt);
            } catch (CallNotPermittedException e) {
                throw new LlmUnavailableException("it failed repeatedly, so calls to it are paused for up to "
                        + Failure.seconds(config.breakerOpenDuration()), e);
            } catch (CancellationException e) {
                throw new LlmUnavailableException("the request was cancelled", e);
            } catch (RuntimeException e) {
                Failure failure = Failure.of(e, config.timeout());
                boolean again = failure.retriable() && attempts <= config.maxRetries() && mayRetry.getAsBoolean();
                Duration wait = again ? backoff.delay(attempts, failure.retryAfter()) : null;
                if (wait == null) {
                    String reason = attempts > 1 ? failure.reason() + ", after " + attempts + " attempts"
                            : failure.reason();
                    log.debug("Language model call failed: {}", reason);
                    throw new LlmUnavailableException(reason, e);
                }
                log.info("Language model call failed ({}); retry {} of {} in {} ms", failure.reason(), attempts,
                        config.maxRetries(), wait.toMillis());
                backoff.pause(wait);
            }
        }
    }

    private ChatRequest request(String prompt, int maxTokens) {
        // One user message and no system message: some chat templates (Mistral's among them) reject system roles.
        return ChatRequest.builder().messages(UserMessage.from(prompt)).maxOutputTokens(maxTokens).build();
    }

    private Completion streamOnce(ChatRequest request, Consumer<String> onToken, AtomicBoolean streamed) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicBoolean consumerFailed = new AtomicBoolean();
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {
                if (done.isDone() || consumerFailed.get()) {
                    return;
                }
                streamed.set(true);
                try {
                    onToken.accept(token);
                } catch (RuntimeException e) {
                    consumerFailed.set(true);
                    log.warn("Token consumer failed; the summary goes on without streaming", e);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return completion(done.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    static CancellationException cancelled(InterruptedException e) {
        CancellationException cancelled = new CancellationException("interrupted while waiting for the language model");
        cancelled.initCause(e);
        return cancelled;
    }

    private static Completion completion(ChatResponse response) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new MalformedResponseException("the model returned an empty answer");
        }
        return new Completion(text, response.modelName(), response.finishReason() == FinishReason.LENGTH);
    }
}
