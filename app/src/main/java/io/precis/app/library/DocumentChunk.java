package io.precis.app.library;

/**
 * One chunk of a document: whole sentences, {@code text} being exactly {@code documentText.substring(start, end)}.
 *
 * @param ordinal its place in the document, from 0
 * @param tokens  its size in estimated tokens (see {@link Tokens})
 */
public record DocumentChunk(long id, int ordinal, int start, int end, String text, int tokens, String embeddingModel,
                            String embeddingVersion) {
}
