package io.precis.inference.summarize;

import io.precis.inference.text.Words;
import java.util.List;
import java.util.Objects;

/**
 * The word budget of a summary: either a fixed maximum of {@code maxWords} words, between {@value #MIN_WORDS} and
 * {@value #MAX_WORDS}, or an {@link #auto() automatic} length that is derived from the size of the input and the
 * number of documents ({@link #autoWords(int, int)}) and never exceeds {@code maxWords}. A fixed budget is a hard
 * maximum that summarisers try to fill; an automatic one is a target ("about this long") that they may miss by part
 * of a sentence either way, so that they can stop at a natural point.
 *
 * @param maxWords the most words a summary may have
 * @param adaptive whether the budget is derived from the input
 */
public record LengthTarget(int maxWords, boolean adaptive) {

    static final int MIN_WORDS = 10;
    static final int MAX_WORDS = 2000;

    /** The ceiling of an automatic length. */
    static final int AUTO_MAX_WORDS = 400;
    static final double AUTO_SHARE = 0.2;
    static final int AUTO_PLATEAU_WORDS = 75;
    static final int AUTO_GROWTH_FROM_WORDS = 2000;
    static final int AUTO_WORDS_PER_EXTRA_DOCUMENT = 140;

    public LengthTarget {
        if (maxWords < MIN_WORDS || maxWords > MAX_WORDS) {
            throw new IllegalArgumentException(
                    "maxWords must be between " + MIN_WORDS + " and " + MAX_WORDS + ", was " + maxWords);
        }
    }

    /** A fixed budget of at most {@code maxWords} words. */
    public LengthTarget(int maxWords) {
        this(maxWords, false);
    }

    /** A budget that depends on the input, see {@link #autoWords(int, int)}; at most {@value #AUTO_MAX_WORDS} words. */
    public static LengthTarget auto() {
        return new LengthTarget(AUTO_MAX_WORDS, true);
    }

    /** SHORT is 50 words, MEDIUM 100 and LONG 200; AUTO is {@link #auto()}. */
    public static LengthTarget of(Length length) {
        Objects.requireNonNull(length, "length");
        return switch (length) {
            case SHORT -> new LengthTarget(50);
            case MEDIUM -> new LengthTarget(100);
            case LONG -> new LengthTarget(200);
            case AUTO -> auto();
        };
    }

    /** The budget for this input: {@code maxWords} when fixed, else {@link #autoWords} capped at {@code maxWords}. */
    public int wordsFor(int inputWords, int documents) {
        return adaptive ? Math.min(maxWords, autoWords(inputWords, documents)) : maxWords;
    }

    /** {@link #wordsFor(int, int)} for these documents (blank ones do not count). */
    public int wordsFor(List<SourceDocument> documents) {
        Objects.requireNonNull(documents, "documents");
        int words = 0;
        int nonBlank = 0;
        for (SourceDocument document : documents) {
            int count = Words.count(document.text());
            words += count;
            nonBlank += count > 0 ? 1 : 0;
        }
        return wordsFor(words, nonBlank);
    }

    /**
     * The automatic length for {@code inputWords} words in {@code documents} documents (blank ones not counted):
     * <ul>
     *   <li>one document: a fifth of its words, at most {@value #AUTO_PLATEAU_WORDS} (a paragraph: what a reader
     *       wants from a note, a dialogue or a news article), growing with the square root of the length beyond
     *       {@value #AUTO_GROWTH_FROM_WORDS} words (about 170 words for 10,000, 375 for 50,000);</li>
     *   <li>several documents: that, plus {@value #AUTO_WORDS_PER_EXTRA_DOCUMENT} words times the number of further
     *       documents to the power 0.3 (215 words for two articles, 290 for five), since each source adds its own
     *       facts but they overlap more and more;</li>
     *   <li>never below {@value #MIN_WORDS} or above {@value #AUTO_MAX_WORDS} words.</li>
     * </ul>
     * The constants were fitted on the dev sets in {@code shared/data/eval} (news articles, dialogues and
     * multi-document news), where reference summaries are about 50, 20 and 210 words long; see docs/quality.md.
     */
    public static int autoWords(int inputWords, int documents) {
        if (inputWords < 0 || documents < 0) {
            throw new IllegalArgumentException("inputWords and documents must not be negative");
        }
        double words = inputWords <= AUTO_GROWTH_FROM_WORDS
                ? Math.min(AUTO_SHARE * inputWords, AUTO_PLATEAU_WORDS)
                : AUTO_PLATEAU_WORDS * Math.sqrt((double) inputWords / AUTO_GROWTH_FROM_WORDS);
        if (documents > 1) {
            words += AUTO_WORDS_PER_EXTRA_DOCUMENT * Math.pow(documents - 1, 0.3);
        }
        return (int) Math.round(Math.max(MIN_WORDS, Math.min(AUTO_MAX_WORDS, words)));
    }
}
