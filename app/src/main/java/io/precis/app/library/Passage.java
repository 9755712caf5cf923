package io.precis.app.library;

import java.util.UUID;

/**
 * A retrieved chunk, citable: {@code text} is exactly the document's text from {@code start} to {@code end}
 * (character offsets into the text {@link LibraryService#text} returns).
 *
 * @param documentId the document it belongs to
 * @param title      the document's title
 * @param chunk      the chunk's ordinal within the document
 * @param scores     how it ranked
 */
public record Passage(UUID documentId, String title, String collection, long chunkId, int chunk, int start, int end,
                      String text, Scores scores) {

    /**
     * @param vector cosine similarity between the query's and the chunk's embeddings (-1 to 1, higher is closer)
     * @param text   PostgreSQL's {@code ts_rank} (normalised by length) of the chunk for the query's words, any of
     *               them (on a large index without the commonest ones, see {@link LibraryRetriever#textQuery}), or
     *               null when it contains none
     * @param fused  relative score fusion (0..1): the mean over the rankings used (both in hybrid mode, one in vector
     *               or text mode) of the score scaled min-max over that ranking's candidates
     */
    public record Scores(Double vector, Double text, double fused) {
    }
}
