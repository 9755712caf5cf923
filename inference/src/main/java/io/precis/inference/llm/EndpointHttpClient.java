package io.precis.inference.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * langchain4j's HTTP client contract on {@code java.net.http}, written here rather than taken from
 * {@code langchain4j-http-client-jdk} for two things that one lacks: error responses keep their Retry-After header
 * ({@link EndpointHttpException}), and a stream that goes quiet for longer than the read timeout is cancelled, where
 * the stock client would block on it for ever (the JDK's request timeout ends once the headers have arrived).
 * Server-sent events are therefore parsed here, line by line, instead of by the parser langchain4j passes in.
 */
final class EndpointHttpClient implements HttpClient {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "llm-stream-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;

    private EndpointHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (builder.connectTimeout != null) {
            http.connectTimeout(builder.connectTimeout);
        }
        this.http = http.build();
        this.readTimeout = builder.readTimeout == null ? Duration.ofSeconds(60) : builder.readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(toJdkRequest(request), BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            // The request timeout only covers the wait for headers; this one covers the body too.
            response = future.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException(new HttpTimeoutException("no complete response within " + readTimeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw ChatEndpoint.cancelled(e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
        if (!isSuccessful(response.statusCode())) {
            throw EndpointHttpException.of(response.statusCode(), response.body(), response.headers());
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser ignored, ServerSentEventListener listener) {
        SseLineSubscriber lines = new SseLineSubscriber(listener);
        http.sendAsync(toJdkRequest(request), info -> {
                    if (!isSuccessful(info.statusCode())) {
                        return BodySubscribers.ofString(StandardCharsets.UTF_8);
                    }
                    lines.open(SuccessfulHttpResponse.builder()
                            .statusCode(info.statusCode()).headers(info.headers().map()).build());
                    BodySubscriber<String> subscriber = BodySubscribers.fromLineSubscriber(
                            lines, s -> null, StandardCharsets.UTF_8, null);
                    return subscriber;
                })
                .whenComplete((response, error) -> {
                    if (error != null) {
                        lines.fail(unwrap(error));
                    } else if (!isSuccessful(response.statusCode())) {
                        lines.fail(EndpointHttpException.of(response.statusCode(), response.body(), response.headers()));
                    }
                });
        lines.watch(WATCHDOG, readTimeout);
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder()
                .uri(URI.create(request.url()))
                .timeout(readTimeout);
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        return builder.build();
    }

    private static boolean isSuccessful(int status) {
        return status >= 200 && status < 300;
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException timeout) {
            return new TimeoutException(timeout);
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage(), io);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new EndpointHttpClient(this);
        }
    }
}
