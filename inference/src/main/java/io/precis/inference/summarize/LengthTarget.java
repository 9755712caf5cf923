package io.precis.inference.summarize;

import java.util.Objects;

/** The word budget of a summary, between {@value #MIN_WORDS} and {@value #MAX_WORDS} words. */
public record LengthTarget(int maxWords) {

    static final int MIN_WORDS = 10;
    static final int MAX_WORDS = 2000;

    public LengthTarget {
        if (maxWords < MIN_WORDS || maxWords > MAX_WORDS) {
            throw new IllegalArgumentException(
                    "maxWords must be between " + MIN_WORDS + " and " + MAX_WORDS + ", was " + maxWords);
        }
    }

    /** SHORT is 50 words, MEDIUM 100 and LONG 200. */
    public static LengthTarget of(Length length) {
        Objects.requireNonNull(length, "length");
        return switch (length) {
            case SHORT -> new LengthTarget(50);
            case MEDIUM -> new LengthTarget(100);
            case LONG -> new LengthTarget(200);
        };
    }
}
