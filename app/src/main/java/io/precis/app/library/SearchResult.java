package io.precis.app.library;

import java.util.List;

/** The answer to a search: passages best first. */
public record SearchResult(String query, String mode, boolean mmr, int k, List<Passage> passages, long tookMs) {
}
