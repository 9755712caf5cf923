package io.precis.app.research;

import java.util.List;

/** A search engine for research queries: SearxNG, Brave Search, or the Library. Implementations are thread-safe. */
interface SearchProvider {

    /** {@code searxng}, {@code brave} or {@code library}. */
    String name();

    /**
     * At most {@code max} results for {@code query} that the scope's domain and date rules allow, best first.
     *
     * @throws SearchException when the provider fails, times out or answers with something unreadable
     */
    List<SearchHit> search(String query, SearchScope scope, int max) throws SearchException;

    final class SearchException extends Exception {
        SearchException(String message) {
            super(message, null, false, false);
        }
    }
}
