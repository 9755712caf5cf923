package io.precis.inference.text;

import java.util.Objects;

/** Word counting shared by the summariser and its callers, so that budgets are measured one way. */
public final class Words {

    private Words() {
    }

    /** Counts whitespace-separated tokens that contain at least one letter or digit. */
    public static int count(String text) {
        Objects.requireNonNull(text, "text");
        int count = 0;
        boolean inToken = false;
        boolean tokenHasWordChar = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Chars.isSpace(c)) {
                if (inToken && tokenHasWordChar) {
                    count++;
                }
                inToken = false;
                tokenHasWordChar = false;
            } else {
                inToken = true;
                tokenHasWordChar |= Character.isLetterOrDigit(c);
            }
        }
        return inToken && tokenHasWordChar ? count + 1 : count;
    }
}
