package io.precis.app.research;

/**
 * {@code POST /api/v1/research}: a question, {@code depth} rounds (1–4) of {@code breadth} queries (1–6), an optional
 * Library collection to search, source options, and optionally the search provider ({@code library}, or a
 * configured web provider: {@code searxng}, {@code brave}; default: the configured web provider, else the Library).
 */
public record ResearchRequest(String question, Integer depth, Integer breadth, String collection, SourceOptions sources,
                              String provider) {
}
