package io.precis.inference.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The Porter stemmer exactly as NLTK's {@code nltk.stem.porter.PorterStemmer} behaves in its default
 * {@code NLTK_EXTENSIONS} mode (checked against NLTK 3.8), which is the stemmer Google's
 * {@code rouge-score} package applies when stemming is on.
 *
 * <p>The NLTK extensions over Porter's 1980 paper are all here: the table of irregular forms, words of one
 * or two characters left alone, {@code -ies}/{@code -ied} on four-letter words ({@code dies -> die},
 * {@code died -> die}), the {@code *o} condition also true for a two-letter vowel-consonant stem, step 1c's
 * {@code (*c and not c) Y -> I}, step 2's {@code bli -> ble} (in place of {@code abli -> able}), {@code alli}
 * tried first and then step 2 run again, {@code fulli -> ful} and {@code logi -> log} with the {@code l} kept
 * with the stem. Each step applies the first rule whose suffix matches and stops there even when that
 * rule's condition fails, as NLTK's {@code _apply_rule_list} does.
 *
 * <p>Like NLTK, {@link #stem(String)} lowercases first, but looks the original word up in the table of
 * irregular forms (so {@code "News"} is stemmed to {@code "new"} while {@code "news"} stays {@code "news"}).
 * Letters are compared as UTF-16 chars; inputs outside the Basic Multilingual Plane may differ from NLTK,
 * which counts code points. ROUGE only ever passes {@code [a-z0-9]+}.
 *
 * <p>Instances hold no state and are safe to share between threads.
 */
public final class PorterStemmer {

    /** NLTK's table of irregular forms: word to its fixed stem. */
    private static final Map<String, String> IRREGULAR_FORMS = Map.ofEntries(
            Map.entry("sky", "sky"),
            Map.entry("skies", "sky"),
            Map.entry("dying", "die"),
            Map.entry("lying", "lie"),
            Map.entry("tying", "tie"),
            Map.entry("news", "news"),
            Map.entry("innings", "inning"),
            Map.entry("inning", "inning"),
            Map.entry("outings", "outing"),
            Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"),
            Map.entry("canning", "canning"),
            Map.entry("howe", "howe"),
            Map.entry("proceed", "proceed"),
            Map.entry("exceed", "exceed"),
            Map.entry("succeed", "succeed"));

    private static final String DOUBLE_CONSONANT = "*d";

    /** One suffix rule: the suffix, what replaces it, and the condition on the remaining stem (or null). */
    private record Rule(String suffix, String replacement, Predicate<String> condition) {
    }

    private static final Predicate<String> POSITIVE_MEASURE = stem -> measure(stem) > 0;
    private static final Predicate<String> MEASURE_GT_1 = stem -> measure(stem) > 1;

    private static final List<Rule> STEP1A = List.of(
            new Rule("sses", "ss", null),
            new Rule("ies", "i", null),
            new Rule("ss", "ss", null),
            new Rule("s", "", null));

    /** Step 2 rules in NLTK's order (the {@code alli} rule is also tried first, in {@link #step2}). */
    private static final List<Rule> STEP2 = List.of(
            new Rule("ational", "ate", POSITIVE_MEASURE),
            new Rule("tional", "tion", POSITIVE_MEASURE),
            new Rule("enci", "ence", POSITIVE_MEASURE),
            new Rule("anci", "ance", POSITIVE_MEASURE),
            new Rule("izer", "ize", POSITIVE_MEASURE),
            new Rule("bli", "ble", POSITIVE_MEASURE),
            new Rule("alli", "al", POSITIVE_MEASURE),
            new Rule("entli", "ent", POSITIVE_MEASURE),
            new Rule("eli", "e", POSITIVE_MEASURE),
            new Rule("ousli", "ous", POSITIVE_MEASURE),
            new Rule("ization", "ize", POSITIVE_MEASURE),
            new Rule("ation", "ate", POSITIVE_MEASURE),
            new Rule("ator", "ate", POSITIVE_MEASURE),
            new Rule("alism", "al", POSITIVE_MEASURE),
            new Rule("iveness", "ive", POSITIVE_MEASURE),
            new Rule("fulness", "ful", POSITIVE_MEASURE),
            new Rule("ousness", "ous", POSITIVE_MEASURE),
            new Rule("aliti", "al", POSITIVE_MEASURE),
            new Rule("iviti", "ive", POSITIVE_MEASURE),
            new Rule("biliti", "ble", POSITIVE_MEASURE),
            new Rule("fulli", "ful", POSITIVE_MEASURE),
            // The 'l' of "logi" goes with the stem: NLTK's condition is on the word less "ogi".
            new Rule("logi", "log", stem -> measure(stem + "l") > 0));

    private static final List<Rule> STEP1C = List.of(
            // NLTK: (*c and not c) Y -> I, i.e. y after a consonant that is not the whole stem.
            new Rule("y", "i", stem -> stem.length() > 1 && isConsonant(stem, stem.length() - 1)));

    private static final List<Rule> STEP3 = List.of(
            new Rule("icate", "ic", POSITIVE_MEASURE),
            new Rule("ative", "", POSITIVE_MEASURE),
            new Rule("alize", "al", POSITIVE_MEASURE),
            new Rule("iciti", "ic", POSITIVE_MEASURE),
            new Rule("ical", "ic", POSITIVE_MEASURE),
            new Rule("ful", "", POSITIVE_MEASURE),
            new Rule("ness", "", POSITIVE_MEASURE));

    private static final List<Rule> STEP4 = List.of(
            new Rule("al", "", MEASURE_GT_1),
            new Rule("ance", "", MEASURE_GT_1),
            new Rule("ence", "", MEASURE_GT_1),
            new Rule("er", "", MEASURE_GT_1),
            new Rule("ic", "", MEASURE_GT_1),
            new Rule("able", "", MEASURE_GT_1),
            new Rule("ible", "", MEASURE_GT_1),
            new Rule("ant", "", MEASURE_GT_1),
            new Rule("ement", "", MEASURE_GT_1),
            new Rule("ment", "", MEASURE_GT_1),
            new Rule("ent", "", MEASURE_GT_1),
            new Rule("ion", "", stem -> measure(stem) > 1 && endsWithAny(stem, 's', 't')),
            new Rule("ou", "", MEASURE_GT_1),
            new Rule("ism", "", MEASURE_GT_1),
            new Rule("ate", "", MEASURE_GT_1),
            new Rule("iti", "", MEASURE_GT_1),
            new Rule("ous", "", MEASURE_GT_1),
            new Rule("ive", "", MEASURE_GT_1),
            new Rule("ize", "", MEASURE_GT_1));

    /** Stems one word: lowercases it, then applies NLTK's irregular forms and steps 1a to 5b. */
    public String stem(String word) {
        Objects.requireNonNull(word, "word");
        String stem = word.toLowerCase(Locale.ROOT);
        // NLTK looks up the word as given but returns the entry for the lowercased word.
        if (IRREGULAR_FORMS.containsKey(word)) {
            return IRREGULAR_FORMS.get(stem);
        }
        if (word.codePointCount(0, word.length()) <= 2) {
            return stem;
        }
        stem = step1a(stem);
        stem = step1b(stem);
        stem = step1c(stem);
        stem = step2(stem);
        stem = step3(stem);
        stem = step4(stem);
        stem = step5a(stem);
        stem = step5b(stem);
        return stem;
    }

    // --- conditions of the paper -------------------------------------------------------------------

    private static boolean isVowelLetter(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /**
     * True when {@code word[i]} is a consonant: not a, e, i, o or u, and not a y that follows a consonant.
     * NLTK's recursive definition, unrolled over the run of y's that ends at {@code i}.
     */
    static boolean isConsonant(CharSequence word, int i) {
        char c = word.charAt(i);
        if (isVowelLetter(c)) {
            return false;
        }
        if (c != 'y') {
            return true;
        }
        int start = i;
        while (start > 0 && word.charAt(start - 1) == 'y') {
            start--;
        }
        // The first y of the run is a consonant at the start of the word or after a vowel letter
        // (the char before the run is not a y, so it is a consonant exactly when it is not a vowel letter).
        boolean firstIsConsonant = start == 0 || isVowelLetter(word.charAt(start - 1));
        return (i - start) % 2 == 0 ? firstIsConsonant : !firstIsConsonant;
    }

    /**
     * Porter's m: the number of vowel-sequence/consonant-sequence pairs in {@code [C](VC){m}[V]}. One pass,
     * carrying whether the previous letter was a consonant (which decides a y).
     */
    static int measure(String stem) {
        int m = 0;
        boolean previousIsConsonant = false;
        for (int i = 0; i < stem.length(); i++) {
            boolean consonant = isConsonantAfter(stem.charAt(i), i, previousIsConsonant);
            if (consonant && i > 0 && !previousIsConsonant) {
                m++;
            }
            previousIsConsonant = consonant;
        }
        return m;
    }

    private static boolean containsVowel(String stem) {
        boolean previousIsConsonant = false;
        for (int i = 0; i < stem.length(); i++) {
            previousIsConsonant = isConsonantAfter(stem.charAt(i), i, previousIsConsonant);
            if (!previousIsConsonant) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code c} at index {@code i} is a consonant, given whether the letter before it is. */
    private static boolean isConsonantAfter(char c, int i, boolean previousIsConsonant) {
        if (isVowelLetter(c)) {
            return false;
        }
        return c != 'y' || i == 0 || !previousIsConsonant;
    }

    /** Condition *d: ends with a double consonant. */
    private static boolean endsDoubleConsonant(String word) {
        int n = word.length();
        return n >= 2 && word.charAt(n - 1) == word.charAt(n - 2) && isConsonant(word, n - 1);
    }

    /**
     * Condition *o: ends consonant-vowel-consonant with the last consonant not w, x or y; NLTK also accepts a
     * two-letter word that is vowel-consonant.
     */
    private static boolean endsCvc(String word) {
        int n = word.length();
        if (n >= 3
                && isConsonant(word, n - 3)
                && !isConsonant(word, n - 2)
                && isConsonant(word, n - 1)
                && !endsWithAny(word, 'w', 'x', 'y')) {
            return true;
        }
        return n == 2 && !isConsonant(word, 0) && isConsonant(word, 1);
    }

    private static boolean endsWithAny(String word, char... chars) {
        if (word.isEmpty()) {
            return false;
        }
        char last = word.charAt(word.length() - 1);
        for (char c : chars) {
            if (last == c) {
                return true;
            }
        }
        return false;
    }

    private static String removeSuffix(String word, String suffix) {
        return word.substring(0, word.length() - suffix.length());
    }

    /**
     * Applies the first rule whose suffix the word ends with (or, for {@code *d}, whose double consonant it
     * ends with); when that rule's condition fails the word is returned unchanged without trying later rules.
     */
    private static String applyRuleList(String word, List<Rule> rules) {
        for (Rule rule : rules) {
            if (rule.suffix().equals(DOUBLE_CONSONANT) && endsDoubleConsonant(word)) {
                String stem = word.substring(0, word.length() - 2);
                return rule.condition() == null || rule.condition().test(stem) ? stem + rule.replacement() : word;
            }
            if (word.endsWith(rule.suffix())) {
                String stem = removeSuffix(word, rule.suffix());
                return rule.condition() == null || rule.condition().test(stem) ? stem + rule.replacement() : word;
            }
        }
        return word;
    }

    // --- the steps ----------------------------------------------------------------------------------

    private static String step1a(String word) {
        if (word.endsWith("ies") && word.length() == 4) {
            return removeSuffix(word, "ies") + "ie";
        }
        return applyRuleList(word, STEP1A);
    }

    private static String step1b(String word) {
        if (word.endsWith("ied")) {
            return removeSuffix(word, "ied") + (word.length() == 4 ? "ie" : "i");
        }
        if (word.endsWith("eed")) {
            String stem = removeSuffix(word, "eed");
            return measure(stem) > 0 ? stem + "ee" : word;
        }
        String intermediate = null;
        for (String suffix : new String[] {"ed", "ing"}) {
            if (word.endsWith(suffix)) {
                String candidate = removeSuffix(word, suffix);
                if (containsVowel(candidate)) {
                    intermediate = candidate;
                    break;
                }
            }
        }
        if (intermediate == null) {
            return word;
        }
        // A vowel in the stem means it is not empty, so its last char exists.
        char last = intermediate.charAt(intermediate.length() - 1);
        return applyRuleList(intermediate, List.of(
                new Rule("at", "ate", null),
                new Rule("bl", "ble", null),
                new Rule("iz", "ize", null),
                new Rule(DOUBLE_CONSONANT, String.valueOf(last), stem -> last != 'l' && last != 's' && last != 'z'),
                new Rule("", "e", stem -> measure(stem) == 1 && endsCvc(stem))));
    }

    private static String step1c(String word) {
        return applyRuleList(word, STEP1C);
    }

    private static String step2(String word) {
        if (word.endsWith("alli") && measure(removeSuffix(word, "alli")) > 0) {
            return step2(removeSuffix(word, "alli") + "al");
        }
        return applyRuleList(word, STEP2);
    }

    private static String step3(String word) {
        return applyRuleList(word, STEP3);
    }

    private static String step4(String word) {
        return applyRuleList(word, STEP4);
    }

    private static String step5a(String word) {
        if (word.endsWith("e")) {
            String stem = removeSuffix(word, "e");
            int m = measure(stem);
            if (m > 1) {
                return stem;
            }
            if (m == 1 && !endsCvc(stem)) {
                return stem;
            }
        }
        return word;
    }

    private static String step5b(String word) {
        if (word.endsWith("ll") && measure(word.substring(0, word.length() - 1)) > 1) {
            return removeSuffix(word, "ll") + "l";
        }
        return word;
    }
}
