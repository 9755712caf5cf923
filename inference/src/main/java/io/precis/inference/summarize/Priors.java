package io.precis.inference.summarize;

/** Score adjustments that do not depend on meaning: where a sentence stands and what shape it has. */
final class Priors {

    private Priors() {
    }

    /** Lead sentences of each document carry its gist (1, 0.71, 0.58, 0.5, ... for positions 0, 1, 2, 3). */
    static double position(int position) {
        return 1.0 / Math.sqrt(1.0 + position);
    }

    /** Fragments say little, and very long sentences use up the word budget. */
    static double length(int words) {
        if (words < 3) {
            return 0.3;
        }
        if (words < 5) {
            return 0.6;
        }
        return words <= 40 ? 1.0 : Math.max(0.5, 40.0 / words);
    }

    /** Lines without a terminator are mostly headings, captions or list fragments that read badly in prose. */
    static double punctuation(String sentence) {
        int end = sentence.length();
        while (end > 0 && "\"')]}\u201D\u2019\u00BB".indexOf(sentence.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && ".!?\u2026".indexOf(sentence.charAt(end - 1)) >= 0 ? 1.0 : 0.5;
    }
}
