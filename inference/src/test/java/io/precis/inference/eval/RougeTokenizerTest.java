package io.precis.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RougeTokenizerTest {

    @Test
    void lowercasesAndSplitsOnAnythingButAsciiLettersAndDigits() {
        assertThat(RougeTokenizer.tokenize("The U.S. e-mail's 3.7% (rate)\n\tX_Y", false))
                .containsExactly("the", "u", "s", "e", "mail", "s", "3", "7", "rate", "x", "y");
    }

    @Test
    void dropsOtherScriptsAndAccentedLetters() {
        // Python's lower() maps U+0130 to "i" + combining dot, and the Kelvin sign to "k", as Java's does.
        assertThat(RougeTokenizer.tokenize("naïve café Ωmega İstanbul \u212Aelvin", false))
                .containsExactly("na", "ve", "caf", "mega", "i", "stanbul", "kelvin");
    }

    @Test
    void stemsOnlyTokensLongerThanThreeCharacters() {
        // "was" and "ies" would change under the stemmer; "does" and "running" are stemmed
        assertThat(RougeTokenizer.tokenize("was ies does running", true))
                .containsExactly("was", "ies", "doe", "run");
    }

    @Test
    void emptyAndWordlessTextsHaveNoTokens() {
        assertThat(RougeTokenizer.tokenize("", true)).isEmpty();
        assertThat(RougeTokenizer.tokenize(" \n/--", true)).isEmpty();
    }
}
