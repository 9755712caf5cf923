package io.precis.inference.llm;

/** A 2xx answer that holds no usable summary. */
final class MalformedResponseException extends RuntimeException {

    MalformedResponseException(String message) {
        super(message);
    }
}
