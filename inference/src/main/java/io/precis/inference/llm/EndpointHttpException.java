package io.precis.inference.llm;

import dev.langchain4j.exception.HttpException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A non-2xx answer, keeping the Retry-After header that langchain4j's own HttpException drops. */
final class EndpointHttpException extends HttpException {

    private final Duration retryAfter;

    EndpointHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    static EndpointHttpException of(int statusCode, String body, HttpHeaders headers) {
        return new EndpointHttpException(statusCode, body == null ? "" : body,
                headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, Clock.systemUTC())).orElse(null));
    }

    /** How long the server asked us to wait, or null when it did not say. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** Retry-After is either delay-seconds or an HTTP-date (RFC 9110, section 10.2.3). */
    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
