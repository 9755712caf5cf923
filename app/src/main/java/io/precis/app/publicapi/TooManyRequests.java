package io.precis.app.publicapi;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 as a problem, with Retry-After in whole seconds. */
final class TooManyRequests extends ErrorResponseException {
    private final HttpHeaders headers = new HttpHeaders();

    TooManyRequests(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from your address. Try again in " + retryAfterSeconds + " second"
                        + (retryAfterSeconds == 1 ? "" : "s") + "."), null);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
