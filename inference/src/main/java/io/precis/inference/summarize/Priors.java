package io.precis.inference.summarize;

/** Score adjustments that do not depend on meaning: where a sentence stands and what shape it has. */
final class Priors {

    private Priors() {
    }

    /** Lead sentences of each document carry its gist: {@code 1 / (1 + position)^exponent}. */
    static double position(int position, double exponent) {
        return 1.0 / Math.pow(1.0 + position, exponent);
    }

    /** Fragments say little, and very long sentences use up the word budget. */
    static double length(int words, int preferredMin, int preferredMax) {
        if (words < preferredMin) {
            return Math.max(0.2, (double) words / preferredMin);
        }
        return words <= preferredMax ? 1.0 : Math.max(0.5, (double) preferredMax / words);
    }

    /** Whether a sentence ends in a terminator (before any closing quotes or brackets). */
    static boolean hasTerminator(String sentence) {
        int end = sentence.length();
        while (end > 0 && "\"')]}\u201D\u2019\u00BB".indexOf(sentence.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && ".!?\u2026".indexOf(sentence.charAt(end - 1)) >= 0;
    }
}
