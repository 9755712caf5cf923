package io.precis.inference.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why one call to the endpoint failed, in words for the user, and whether trying again may help.
 *
 * @param retryAfter what the server asked for with Retry-After, or null
 */
record Failure(String reason, boolean retriable, Duration retryAfter) {

    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int MAX_DETAIL = 160;

    static Failure of(Throwable error, Duration timeout) {
        EndpointHttpException http = find(error, EndpointHttpException.class);
        if (http != null) {
            return fromStatus(http);
        }
        MalformedResponseException malformed = find(error, MalformedResponseException.class);
        if (malformed != null) {
            return new Failure(malformed.getMessage(), false, null);
        }
        JacksonException json = find(error, JacksonException.class);
        if (json != null) {
            return new Failure("the endpoint's response was not valid JSON (" + detail(json) + ")", false, null);
        }
        if (find(error, TimeoutException.class) != null || find(error, HttpTimeoutException.class) != null) {
            // Not retried: a model that is too slow is usually overloaded, and another try adds to the load.
            return new Failure("no answer within " + seconds(timeout), false, null);
        }
        if (find(error, UnresolvedAddressException.class) != null
                || find(error, UnresolvedModelServerException.class) != null) {
            return new Failure("the endpoint's host name does not resolve", false, null);
        }
        IOException io = find(error, IOException.class);
        if (io != null) {
            return new Failure("cannot connect to the endpoint (" + detail(io) + ")", true, null);
        }
        // langchain4j could not make sense of a 2xx answer: no choices, no message, and the like.
        return new Failure("the endpoint's response was malformed (" + detail(error) + ")", false, null);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Failure fromStatus(EndpointHttpException http) {
        int status = http.statusCode();
        boolean retriable = status == 429 || status == 408 || status >= 500;
        String what = status == 429 ? "rate limited (HTTP 429)" : "HTTP " + status;
        String message = serverMessage(http.getMessage());
        return new Failure(message.isEmpty() ? what : what + ": " + message, retriable, http.retryAfter());
    }

    /** The {@code message} of an OpenAI-style error body, or the start of a plain-text one. */
    private static String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        Matcher m = MESSAGE.matcher(body);
        String message = m.find() ? m.group(1).replace("\\\"", "\"") : body.strip();
        if (message.startsWith("<")) {
            return ""; // an HTML error page says nothing useful in one line
        }
        return shorten(message.replaceAll("\\s+", " "));
    }

    private static String detail(Throwable t) {
        String message = t.getMessage();
        String detail = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
        return shorten(detail.replaceAll("\\s+", " "));
    }

    private static String shorten(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 1) + "\u2026";
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }
}
