package io.precis.inference.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default tokenizer of Google's {@code rouge-score} package ({@code tokenize.py}): lowercase, turn every
 * run of characters other than {@code [a-z0-9]} into a space, split on whitespace, stem tokens longer than
 * three characters with NLTK's Porter stemmer when asked, and keep only non-empty {@code [a-z0-9]+} tokens.
 * So accented letters and other scripts are dropped, as they are there.
 */
final class RougeTokenizer {

    private static final PorterStemmer STEMMER = new PorterStemmer();

    private RougeTokenizer() {
    }

    static List<String> tokenize(String text, boolean stem) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordChar = i < lower.length() && isAsciiLowerOrDigit(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String token = lower.substring(start, i);
                if (stem && token.length() > 3) {
                    token = STEMMER.stem(token);
                }
                if (isValid(token)) {
                    tokens.add(token);
                }
                start = -1;
            }
        }
        return tokens;
    }

    private static boolean isAsciiLowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isValid(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!isAsciiLowerOrDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
