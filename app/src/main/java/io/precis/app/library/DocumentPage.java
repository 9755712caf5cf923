package io.precis.app.library;

import java.util.List;

/** One page of documents, newest first, with the total that match. */
public record DocumentPage(List<LibraryDocument> items, int page, int size, long total) {
}
