package io.precis.inference.text;

/** Character classes used when looking for sentence boundaries. */
final class Chars {

    private Chars() {
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026' || c == '\u203D';
    }

    /** Characters that may follow a terminator and still belong to the sentence: {@code ." ?) !’}. */
    static boolean isCloser(char c) {
        return switch (c) {
            case '"', '\'', '\u201D', '\u2019', '\u00BB', '\u203A', ')', ']', '}' -> true;
            default -> false;
        };
    }

    /** Characters that may precede the first word of a sentence. */
    static boolean isOpener(char c) {
        return switch (c) {
            case '"', '\'', '\u201C', '\u2018', '\u201E', '\u00AB', '\u2039', '(', '[', '{', '\u00BF', '\u00A1' -> true;
            default -> false;
        };
    }

    static boolean hasLetterOrDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static int skipSpaces(String text, int from, int to) {
        int i = from;
        while (i < to && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
