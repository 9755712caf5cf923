package io.precis.inference.text;

import java.util.Locale;
import java.util.Set;

/** Decides whether a single period after a word ends a sentence. */
final class Abbreviations {

    /** Always followed by a name. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "rev", "hon", "sen", "rep", "gov", "gen",
            "col", "capt", "cpt", "lt", "sgt", "maj", "adm", "cmdr", "supt", "pres", "fr", "mme", "mlle");

    /** Introduce an example, a comparison or an explanation: the sentence goes on. */
    private static final Set<String> MID_SENTENCE = Set.of(
            "e.g", "i.e", "vs", "cf", "viz", "approx", "incl", "esp", "resp", "var");

    /** Usually followed by a number: "No. 5", "Fig. 2", "p. 12", "Jan. 5". */
    private static final Set<String> BEFORE_NUMBER = Set.of(
            "no", "nos", "nr", "fig", "figs", "tab", "p", "pp", "vol", "vols", "ch", "chap", "sec", "art", "eq",
            "ref", "para", "tel", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /** Can end a sentence ("in the U.S. The ...") or not ("U.S. Army", "Main St. Station", "Smith et al. Nature"). */
    private static final Set<String> AMBIGUOUS = Set.of("st", "mt", "ft", "ave", "rd", "blvd", "al", "dept", "univ");

    /** Dotted abbreviations that mostly end the sentence when a capitalised word follows. */
    private static final Set<String> USUALLY_FINAL = Set.of("a.m", "p.m", "etc");

    /** Words that commonly open a sentence; after an ambiguous abbreviation they signal a boundary. */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
            "his", "her", "their", "our", "my", "there", "here", "in", "on", "at", "by", "for", "from", "with", "to",
            "as", "after", "before", "during", "when", "while", "if", "but", "and", "or", "so", "yet", "however",
            "meanwhile", "also", "although", "though", "despite", "since", "because", "then", "now", "today",
            "yesterday", "according", "such", "some", "many", "most", "all", "both", "each", "every", "no", "not",
            "one", "what", "why", "how", "who", "where", "which", "other", "another", "last", "next", "still",
            "even", "only", "instead", "thus", "therefore", "moreover", "furthermore", "nevertheless", "indeed");

    private Abbreviations() {
    }

    /**
     * @param word     the token before the period, without surrounding quotes or brackets (e.g. "U.S", "Mr")
     * @param nextWord the first word after it; a single letter keeps its own period ("K."), marking an initial
     */
    static boolean periodEndsSentence(String word, String nextWord) {
        if (word.isEmpty()) {
            return true;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (TITLES.contains(lower) || MID_SENTENCE.contains(lower)) {
            return false;
        }
        if (BEFORE_NUMBER.contains(lower)) {
            return nextWord.isEmpty() || !Character.isDigit(nextWord.charAt(0));
        }
        if (USUALLY_FINAL.contains(lower)) {
            return true;
        }
        if (AMBIGUOUS.contains(lower) || isInitial(word) || isDottedAbbreviation(lower)) {
            return SENTENCE_OPENERS.contains(nextWord.toLowerCase(Locale.ROOT));
        }
        return true;
    }

    private static boolean isInitial(String word) {
        return word.length() == 1 && Character.isUpperCase(word.charAt(0));
    }

    /** "U.S", "Ph.D", "J.K": short groups of letters joined by periods (but not "example.com"). */
    private static boolean isDottedAbbreviation(String word) {
        if (word.indexOf('.') < 0) {
            return false;
        }
        for (String part : word.split("\\.", -1)) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isLetter)) {
                return false;
            }
        }
        return true;
    }
}
