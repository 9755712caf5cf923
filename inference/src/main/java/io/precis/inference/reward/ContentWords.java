package io.precis.inference.reward;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lower-cased words of three letters or more that are not function words: what coverage and support count. */
final class ContentWords {
    private static final Set<String> STOP = Set.of("the", "and", "for", "are", "but", "not", "you", "all", "any",
            "can", "had", "her", "was", "one", "our", "out", "has", "have", "his", "how", "its", "may", "new", "now",
            "old", "see", "two", "who", "did", "get", "him", "let", "say", "she", "too", "use", "that", "with",
            "this", "they", "from", "will", "would", "there", "their", "what", "about", "which", "when", "were",
            "been", "into", "than", "then", "them", "these", "also", "said", "more", "some", "such", "only", "over",
            "after", "could", "should", "other", "where", "while", "being", "very", "just", "most", "each");

    private ContentWords() {
    }

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (token.length() >= 3 && !STOP.contains(token)) {
                words.add(token);
            }
        }
        return words;
    }
}
