package io.precis.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 7807 problems for the REST API; Spring renders them as application/problem+json. */
public final class Problems {
    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    public static ErrorResponseException notFound(String what, Object id) {
        return of(HttpStatus.NOT_FOUND, "No " + what + " with id '" + id + "'.");
    }
}
