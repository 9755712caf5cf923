package io.precis.app.library;

/**
 * A quick, slightly generous estimate of how many WordPiece tokens (MiniLM's tokenizer) a text has: each
 * punctuation mark is one, each run of letters and digits one per started five characters beyond its first six
 * (long and rare words split into several pieces). Chunk budgets are measured with it, so a chunk of 180 estimated
 * tokens stays within MiniLM's 256.
 */
public final class Tokens {
    private Tokens() {
    }

    public static int estimate(String text) {
        int tokens = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                run++;
                continue;
            }
            tokens += pieces(run);
            run = 0;
            if (!Character.isWhitespace(c)) tokens++;
        }
        return tokens + pieces(run);
    }

    private static int pieces(int run) {
        return run == 0 ? 0 : 1 + Math.max(0, run - 6 + 4) / 5;
    }
}
