package io.precis.app.library;

/**
 * The answer to adding a document: the new document (queued), or, when the same content is already in the
 * collection, the existing one with {@code duplicate} set and a message saying so.
 */
public record Submission(LibraryDocument document, boolean duplicate, String message) {
}
