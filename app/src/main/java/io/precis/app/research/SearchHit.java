package io.precis.app.research;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One search result: a web page to read, or a Library document already there ({@code documentId} set).
 *
 * @param published when the provider says it was published, if it says
 */
record SearchHit(String url, String title, String snippet, LocalDate published, UUID documentId) {
}
