package io.precis.inference.summarize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SumBasic-style lexical centrality: a sentence scores by how many sentences share its content words (the log of
 * each word's sentence frequency, summed and divided by the square root of the number of words). It is cheap (linear
 * in the text) and complements embedding centrality, since it rewards the exact names and terms that recur through
 * the documents. Build the counts with {@link #add}, then score; not thread-safe while adding.
 */
final class LexicalCentrality {

    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
            "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "me",
            "my", "this", "that", "these", "those", "who", "whom", "which", "what", "when", "where", "why", "how",
            "not", "no", "so", "than", "then", "there", "here", "into", "about", "after", "before", "over",
            "under", "up", "down", "out", "off", "also", "just", "only", "very", "can", "could", "would", "should",
            "will", "may", "might", "must", "said", "says", "say", "told", "one", "all", "some", "more", "most",
            "other", "such", "any", "each", "own", "same", "mr", "mrs", "ms", "while", "because");

    private final Map<String, Integer> sentenceFrequency = new HashMap<>();

    /** Counts the terms of one more sentence. */
    void add(Set<String> terms) {
        for (String term : terms) {
            sentenceFrequency.merge(term, 1, Integer::sum);
        }
    }

    /** The unscaled score of a sentence with these terms; a term seen in one sentence only adds nothing. */
    double score(Set<String> terms) {
        if (terms.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String term : terms) {
            sum += Math.log(Math.max(1, sentenceFrequency.getOrDefault(term, 1)));
        }
        return sum / Math.sqrt(terms.size());
    }

    /** Content words: lower-cased runs of two or more letters or digits, not stopwords, plurals folded. */
    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            if (i - start >= 2) {
                String word = lower.substring(start, i);
                if (!STOPWORDS.contains(word)) {
                    terms.add(stem(word));
                }
            }
        }
        return terms;
    }

    /** A light stem for plurals, enough to match "kite" and "kites", "city" and "cities". */
    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
