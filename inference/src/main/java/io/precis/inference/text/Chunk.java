package io.precis.inference.text;

import java.util.Objects;

/**
 * A piece of one document, cut at sentence boundaries by {@link Chunker}.
 *
 * @param document the index of the document it was cut from (as given to the chunker)
 * @param start    offset of its first character in that document
 * @param end      offset just past its last character (exclusive)
 * @param text     exactly {@code documentText.substring(start, end)}
 */
public record Chunk(int document, int start, int end, String text) {

    public Chunk {
        Objects.requireNonNull(text, "text");
        if (document < 0 || start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("invalid chunk: document " + document + ", span [" + start + ", "
                    + end + ") for a text of length " + text.length());
        }
    }

    /** Words as counted by {@link Words#count(String)}. */
    public int words() {
        return Words.count(text);
    }
}
