package io.precis.inference.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rule-based sentence splitter that keeps character offsets into the original text. Stateless and thread-safe.
 *
 * <p>A sentence ends at a terminator ({@code .}, {@code !}, {@code ?}, an ellipsis, or runs such as {@code ?!}),
 * together with any closing quotes or brackets after it, when whitespace and then a word that does not start in
 * lower case follow. A period does not end a sentence inside a number ({@code 3.5}), after titles ({@code Mr.},
 * {@code Dr.}), after {@code e.g.}/{@code i.e.}, before a number after {@code No.}/{@code Fig.}/{@code p.}, or
 * after initials and dotted abbreviations ({@code J. K. Rowling}, {@code U.S. Army}) unless a typical sentence
 * opener follows ({@code in the U.S. The ...}). Blank lines, list items and line breaks are boundaries too, except a
 * line break inside a hard-wrapped sentence: the next line starts with a lower-case word, or the line ends with a
 * comma or semicolon. List markers ({@code -}, {@code *}, {@code 1.}, {@code 2)}, {@code a)}, {@code #}, bullets)
 * are not part of a sentence.
 *
 * <p>{@link java.text.BreakIterator} is not used: it splits after "Mr." and initials, and runs lines together.
 */
public final class SentenceSplitter {

    /** Returns the sentences of {@code text} in order; fragments without any letter or digit are dropped. */
    public List<Sentence> split(String text) {
        Objects.requireNonNull(text, "text");
        List<Sentence> sentences = new ArrayList<>();
        for (TextBlocks.Span block : TextBlocks.of(text)) {
            splitBlock(text, block.start(), block.end(), sentences);
        }
        return Collections.unmodifiableList(sentences);
    }

    private static void splitBlock(String text, int from, int to, List<Sentence> out) {
        int sentenceStart = from;
        int i = from;
        while (i < to) {
            if (!Chars.isTerminator(text.charAt(i))) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < to && Chars.isTerminator(text.charAt(runEnd))) {
                runEnd++;
            }
            int end = runEnd;
            while (end < to && (Chars.isCloser(text.charAt(end)) || Chars.isTerminator(text.charAt(end)))) {
                end++;
            }
            // "3.5", "U.S.A", "example.com": a boundary needs whitespace after the punctuation.
            boolean followedBySpace = end == to || Chars.isSpace(text.charAt(end));
            if (followedBySpace && endsSentence(text, sentenceStart, i, runEnd, end, to)) {
                addSentence(text, sentenceStart, end, out);
                sentenceStart = end;
            }
            i = end;
        }
        addSentence(text, sentenceStart, to, out);
    }

    private static boolean endsSentence(String text, int sentenceStart, int terminator, int runEnd, int end, int to) {
        if (!Chars.hasLetterOrDigit(text, sentenceStart, terminator)) {
            return false;
        }
        int next = Chars.skipSpaces(text, end, to);
        if (next == to) {
            return true;
        }
        while (next < to && Chars.isOpener(text.charAt(next))) {
            next++;
        }
        if (TextBlocks.startsWithLowerCaseWord(text, next, to)) {
            return false;
        }
        boolean singlePeriod = runEnd - terminator == 1 && text.charAt(terminator) == '.';
        if (!singlePeriod) {
            return true;
        }
        return Abbreviations.periodEndsSentence(wordBefore(text, sentenceStart, terminator), wordAt(text, next, to));
    }

    /** The token that ends at {@code end}, without opening quotes/brackets before it or closing ones after it. */
    private static String wordBefore(String text, int sentenceStart, int end) {
        int start = end;
        while (start > sentenceStart && !Chars.isSpace(text.charAt(start - 1))) {
            start--;
        }
        while (start < end && Chars.isOpener(text.charAt(start))) {
            start++;
        }
        int stop = end;
        while (stop > start && Chars.isCloser(text.charAt(stop - 1))) {
            stop--;
        }
        return text.substring(start, stop);
    }

    /** The letters and digits starting at {@code from}; a single letter keeps a period after it ("K."). */
    private static String wordAt(String text, int from, int to) {
        int end = from;
        while (end < to && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        if (end - from == 1 && end < to && text.charAt(end) == '.' && Character.isLetter(text.charAt(from))) {
            end++;
        }
        return text.substring(from, end);
    }

    private static void addSentence(String text, int from, int to, List<Sentence> out) {
        int start = Chars.skipSpaces(text, from, to);
        int end = to;
        while (end > start && Chars.isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (Chars.hasLetterOrDigit(text, start, end)) {
            out.add(new Sentence(text.substring(start, end), start, end));
        }
    }
}
