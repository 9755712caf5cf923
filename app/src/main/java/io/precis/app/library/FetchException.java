package io.precis.app.library;

/** A URL that could not be fetched, with a message a person can act on. */
public class FetchException extends Exception {

    /** Why: {@link #REFUSED} is the caller's fault (a bad or forbidden URL); the others happened while fetching. */
    public enum Kind { REFUSED, ROBOTS, HTTP_STATUS, TOO_LARGE, TIMEOUT, UNSUPPORTED_TYPE, NETWORK }

    private final Kind kind;
    private final int status;

    public FetchException(Kind kind, String message) {
        this(kind, message, 0, null);
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        this(kind, message, 0, cause);
    }

    FetchException(Kind kind, String message, int status, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    /** The HTTP status of a {@link Kind#HTTP_STATUS} failure, else 0. */
    public int status() {
        return status;
    }

    public Kind kind() {
        return kind;
    }
}
