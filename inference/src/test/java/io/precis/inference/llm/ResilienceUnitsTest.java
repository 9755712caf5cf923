package io.precis.inference.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backoff, Retry-After and the classification of failures. */
class ResilienceUnitsTest {

    private final LlmConfig config = LlmConfig.of("http://localhost:8000", "m")
            .withRetries(5, Duration.ofMillis(100), Duration.ofSeconds(1));
    private final Backoff backoff = new Backoff(config, d -> { });

    @Test
    void backoffDoublesWithUpToAFifthOfJitterAndStopsAtTheMaximum() {
        assertThat(backoff.delay(1, null)).isBetween(Duration.ofMillis(100), Duration.ofMillis(120));
        assertThat(backoff.delay(2, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(240));
        assertThat(backoff.delay(3, null)).isBetween(Duration.ofMillis(400), Duration.ofMillis(480));
        assertThat(backoff.delay(5, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(60, null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterWinsWhenLongerAndEndsTheRetriesWhenLongerThanTheMaximum() {
        assertThat(backoff.delay(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(backoff.delay(3, Duration.ofMillis(10))).isBetween(Duration.ofMillis(400), Duration.ofMillis(480));
        assertThat(backoff.delay(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1, Duration.ofSeconds(30))).isNull();
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
        assertThat(EndpointHttpException.parseRetryAfter("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(EndpointHttpException.parseRetryAfter(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(EndpointHttpException.parseRetryAfter("Sat, 01 Mar 2025 12:00:09 GMT", clock))
                .contains(Duration.ofSeconds(9));
        assertThat(EndpointHttpException.parseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", clock))
                .contains(Duration.ZERO);
        assertThat(EndpointHttpException.parseRetryAfter("-3", clock)).isEmpty();
        assertThat(EndpointHttpException.parseRetryAfter("soon", clock)).isEmpty();
    }

    @Test
    void theRetryAfterHeaderTravelsWithTheStatus() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("2")), (a, b) -> true);
        EndpointHttpException e = EndpointHttpException.of(429, "slow down", headers);
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(EndpointHttpException.of(500, null, HttpHeaders.of(Map.of(), (a, b) -> true)).retryAfter()).isNull();
    }

    @Test
    void onlyRateLimitsServerErrorsAndConnectionFailuresAreRetried() {
        Duration timeout = Duration.ofSeconds(2);
        assertThat(Failure.of(new EndpointHttpException(429, "", Duration.ofSeconds(3)), timeout))
                .isEqualTo(new Failure("rate limited (HTTP 429)", true, Duration.ofSeconds(3)));
        assertThat(Failure.of(new EndpointHttpException(503, "<html>down</html>", null), timeout))
                .isEqualTo(new Failure("HTTP 503", true, null));
        assertThat(Failure.of(new dev.langchain4j.exception.InternalServerException(
                new EndpointHttpException(500, "{\"error\":{\"message\":\"boom \\\"x\\\"\"}}", null)), timeout))
                .isEqualTo(new Failure("HTTP 500: boom \"x\"", true, null));
        assertThat(Failure.of(new EndpointHttpException(401, "Unauthorized", null), timeout).retriable()).isFalse();
        assertThat(Failure.of(new dev.langchain4j.exception.TimeoutException("t"), timeout))
                .isEqualTo(new Failure("no answer within 2 s", false, null));
        assertThat(Failure.of(new java.io.UncheckedIOException(new java.net.ConnectException()), timeout))
                .satisfies(f -> assertThat(f.retriable()).isTrue())
                .satisfies(f -> assertThat(f.reason()).startsWith("cannot connect to the endpoint"));
        assertThat(Failure.of(new NullPointerException(), timeout).reason())
                .isEqualTo("the endpoint's response was malformed (NullPointerException)");
    }

    @Test
    void longServerMessagesAreShortened() {
        String reason = Failure.of(new EndpointHttpException(400, "x".repeat(1000), null), Duration.ofSeconds(1))
                .reason();
        assertThat(reason).startsWith("HTTP 400: xxx").endsWith("\u2026").hasSizeLessThan(200);
    }
}
