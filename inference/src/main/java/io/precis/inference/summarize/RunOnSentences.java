package io.precis.inference.summarize;

import io.precis.inference.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts run-on "sentences" that scraped web pages produce when headings, photo captions and calls to action lose
 * their line breaks and run into the text: "... the magazine Short and sweet: Julia revealed ... Clinton Obsessed
 * with her style: Julia ... decades Ever since her husband ...". Markers like "Scroll down for video" are cut out
 * of any sentence. Sentences of {@value #MIN_WORDS} words or more are also cut before a caption label (one to four
 * words in sentence case and a colon, after a lower-case word) and before a sentence opener ("The", "He", "In",
 * ...) that follows a word without punctuation, unless a word like "of" or "said" shows that a name or title goes
 * on; each cut must leave at least {@value #MIN_PIECE_WORDS} words on both sides. News datelines ("Washington
 * (CNN) --") are trimmed from the start of sentences. Pieces keep exact offsets into the document.
 */
final class RunOnSentences {

    /** Sentences shorter than this are only freed of markers, not cut at labels or openers. */
    static final int MIN_WORDS = 30;

    /** A plain cut must leave at least this many words on either side. */
    static final int MIN_PIECE_WORDS = 4;

    private static final Pattern MARKER = Pattern.compile(
            "(?i)\\b(scroll down for (?:video|more)|click here for [^.]*?(?= [A-Z])|watch the video)\\b");

    /**
     * A label of up to four words in sentence case ("Short and sweet:") and a colon, after a word that ends in a
     * letter, digit, quote or ")".
     */
    private static final Pattern LABEL = Pattern.compile(
            "(?<=[\\p{Ll}\\d)\\u2019'\"]) (?=[\\p{Lu}'\\u2018][\\p{L}'\\u2019-]*(?: [\\p{Ll}][\\p{L}'\\u2019-]*){0,3}: \\S)");

    private static final Pattern OPENER = Pattern.compile(
            "(?<=[\\p{Ll}\\d)\\u2019']) (?=(?:The|A|An|He|She|They|It|His|Her|Their|Its|This|These|Those|In|On|At|"
                    + "After|Before|When|While|Ever|Each|Some|Many|Most|Now|Then|However|But|Pictured) "
                    + "[\\p{Ll}\\d'\\u2018])");

    /** Words after which a capitalised word is part of a name or title, not a new sentence. */
    private static final Set<String> GLUE = Set.of("of", "the", "a", "an", "to", "at", "in", "on", "by", "from",
            "for", "with", "and", "or", "said", "says", "told", "called", "named", "dubbed", "titled", "as",
            "than", "like", "into", "about", "via", "is", "was", "are", "were", "be", "been", "that", "which",
            "who", "whom", "whose", "where", "when", "if", "not", "no", "under", "over", "after", "before");

    /** A news dateline: "(CNN)", "Washington (CNN) --", "LONDON, England (Reuters) -". */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:[\\p{Lu}][\\p{L}.' ,-]{0,40}?\\s*)?\\((?:CNN|AP|Reuters|AFP|UPI|dpa|BBC)\\)\\s*(?:--|\\u2014|\\u2013|-)?\\s*");

    private RunOnSentences() {
    }

    /** The sentence without a leading news dateline, or the sentence itself. */
    static Sentence withoutDateline(String text, Sentence sentence) {
        Matcher m = DATELINE.matcher(sentence.text());
        if (!m.lookingAt() || m.end() >= sentence.text().length()) {
            return sentence;
        }
        int start = sentence.start() + m.end();
        return new Sentence(text.substring(start, sentence.end()), start, sentence.end());
    }

    /** The pieces of {@code sentence} (itself when it is short or has no cut), in order, without markers. */
    static List<Sentence> split(String text, Sentence sentence, int words) {
        String s = sentence.text();
        List<int[]> cuts = new ArrayList<>(); // [start, end) of removed markers, or [at, at) for plain cuts
        Matcher marker = MARKER.matcher(s);
        while (marker.find()) {
            cuts.add(new int[] {marker.start(), marker.end()});
        }
        for (Pattern p : words < MIN_WORDS ? List.<Pattern>of() : List.of(LABEL, OPENER)) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                String before = wordBefore(s, m.start());
                // "Donald Trump as intolerant:", "GM Tom Raponi:": after a capitalised word, a label is a name.
                boolean afterName = p == LABEL && !before.isEmpty() && Character.isUpperCase(before.charAt(0));
                if (!afterName && !GLUE.contains(before.toLowerCase(Locale.ROOT))) {
                    cuts.add(new int[] {m.start(), m.start()});
                }
            }
        }
        if (cuts.isEmpty()) {
            return List.of(sentence);
        }
        cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Sentence> pieces = new ArrayList<>();
        int from = 0;
        for (int[] cut : cuts) {
            boolean removes = cut[1] > cut[0];
            // A plain cut must leave a few words on both sides: "The Great Escape: ..." is a title, not a caption.
            if (cut[0] < from || !removes && (countWords(s, from, cut[0]) < MIN_PIECE_WORDS
                    || countWords(s, cut[0], s.length()) < MIN_PIECE_WORDS)) {
                continue;
            }
            add(text, sentence.start(), s, from, cut[0], pieces);
            from = cut[1];
        }
        add(text, sentence.start(), s, from, s.length(), pieces);
        return pieces;
    }

    private static int countWords(String s, int from, int to) {
        return io.precis.inference.text.Words.count(s.substring(from, to));
    }

    private static String wordBefore(String s, int at) {
        int end = at;
        int start = end;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        return s.substring(start, end);
    }

    private static void add(String text, int offset, String s, int from, int to, List<Sentence> out) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        boolean hasWord = false;
        for (int i = from; i < to && !hasWord; i++) {
            hasWord = Character.isLetterOrDigit(s.charAt(i));
        }
        if (hasWord) {
            out.add(new Sentence(text.substring(offset + from, offset + to), offset + from, offset + to));
        }
    }
}
