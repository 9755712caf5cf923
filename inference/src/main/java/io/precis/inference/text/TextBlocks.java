package io.precis.inference.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into blocks that no sentence crosses: paragraphs, list items, headings and lines.
 *
 * <p>A line break ends a block unless the next line reads as the continuation of a hard-wrapped
 * sentence: it starts with a lower-case word, or the previous line ends with a comma or semicolon.
 * Blank lines and list items (bullets, {@code 1.}, {@code 2)}, {@code a)}, {@code (iii)}, markdown
 * headings) always start a new block, and the list marker is left out of the block.
 */
final class TextBlocks {

    record Span(int start, int end) {
    }

    private TextBlocks() {
    }

    static List<Span> of(String text) {
        List<Span> blocks = new ArrayList<>();
        int blockStart = -1;
        int blockEnd = -1;
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int lineEnd = pos;
            while (lineEnd < length && !Chars.isLineBreak(text.charAt(lineEnd))) {
                lineEnd++;
            }
            int contentStart = Chars.skipSpaces(text, pos, lineEnd);
            int contentEnd = lastNonSpace(text, contentStart, lineEnd);
            if (contentStart < lineEnd) {
                int markerEnd = listMarkerEnd(text, contentStart, lineEnd);
                boolean continues = blockStart >= 0 && markerEnd < 0
                        && (startsWithLowerCaseWord(text, contentStart, lineEnd) || endsWithComma(text, blockEnd));
                if (continues) {
                    blockEnd = contentEnd;
                } else {
                    add(blocks, blockStart, blockEnd);
                    blockStart = markerEnd >= 0 ? markerEnd : contentStart;
                    blockEnd = contentEnd;
                }
            } else {
                add(blocks, blockStart, blockEnd);
                blockStart = -1;
            }
            pos = nextLine(text, lineEnd);
        }
        add(blocks, blockStart, blockEnd);
        return blocks;
    }

    private static void add(List<Span> blocks, int start, int end) {
        if (start >= 0 && start < end) {
            blocks.add(new Span(start, end));
        }
    }

    private static int nextLine(String text, int lineEnd) {
        if (lineEnd >= text.length()) {
            return lineEnd;
        }
        boolean crlf = text.charAt(lineEnd) == '\r' && lineEnd + 1 < text.length() && text.charAt(lineEnd + 1) == '\n';
        return lineEnd + (crlf ? 2 : 1);
    }

    private static int lastNonSpace(String text, int from, int to) {
        int end = to;
        while (end > from && Chars.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean endsWithComma(String text, int blockEnd) {
        char last = text.charAt(blockEnd - 1);
        return last == ',' || last == ';';
    }

    /** A word that starts in lower case and has no capital later on (so "iPhone" does not count). */
    static boolean startsWithLowerCaseWord(String text, int from, int to) {
        if (from >= to || !Character.isLowerCase(text.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to && Character.isLetter(text.charAt(i)); i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Where the content after a list marker starts, or -1 when the line is not a list item. */
    private static int listMarkerEnd(String text, int from, int to) {
        int afterMarker = switch (text.charAt(from)) {
            case '-', '*', '+', '\u2022', '\u00B7', '\u2013', '\u2014', '\u25AA', '\u25CF', '\u25E6', '\u2023',
                 '\u25A0', '\u25A1', '\u25CB', '\u27A2', '\u25BA', '\u2713', '\u2714' -> from + 1;
            case '#' -> skipWhile(text, from, to, '#');
            case '(' -> enumeratorEnd(text, from + 1, to, ')');
            default -> enumeratorEnd(text, from, to, '\0');
        };
        if (afterMarker < 0 || afterMarker >= to || !Chars.isSpace(text.charAt(afterMarker))) {
            return -1;
        }
        int contentStart = Chars.skipSpaces(text, afterMarker, to);
        return contentStart < to ? contentStart : -1;
    }

    /**
     * The end of "12." / "12)" / "b)" (or, with a required closing character, "(iv)"), else -1.
     * A lone letter followed by a period is not accepted, because "A. Smith said" is not a list.
     */
    private static int enumeratorEnd(String text, int from, int to, char requiredClose) {
        int i = from;
        while (i < to && i - from < 4 && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        if (i == from || i >= to) {
            return -1;
        }
        String label = text.substring(from, i);
        boolean digits = label.chars().allMatch(Character::isDigit);
        char close = text.charAt(i);
        if (requiredClose != '\0') {
            return close == requiredClose && (digits || isRomanOrLetter(label)) ? i + 1 : -1;
        }
        if (digits && label.length() <= 3 && (close == '.' || close == ')')) {
            return i + 1;
        }
        return label.length() == 1 && Character.isLetter(label.charAt(0)) && close == ')' ? i + 1 : -1;
    }

    private static boolean isRomanOrLetter(String label) {
        return label.length() == 1 && Character.isLetter(label.charAt(0))
                || label.chars().allMatch(c -> "ivxlcIVXLC".indexOf(c) >= 0);
    }

    private static int skipWhile(String text, int from, int to, char c) {
        int i = from;
        while (i < to && text.charAt(i) == c) {
            i++;
        }
        return i;
    }
}
