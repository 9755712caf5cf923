package io.precis.inference.text;

import java.util.Objects;

/**
 * A sentence and where it sits in the text it was split from.
 *
 * @param text  the sentence, exactly {@code original.substring(start, end)}, with no surrounding whitespace
 * @param start offset of the first character in the original text
 * @param end   offset just past the last character (exclusive)
 */
public record Sentence(String text, int start, int end) {

    public Sentence {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException(
                    "offsets [" + start + ", " + end + ") do not match a text of length " + text.length());
        }
    }
}
