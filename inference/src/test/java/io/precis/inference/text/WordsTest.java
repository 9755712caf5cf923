package io.precis.inference.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void countsTokensWithALetterOrDigit() {
        assertThat(Words.count("Hello, world!")).isEqualTo(2);
        assertThat(Words.count("  don't   stop\nbelieving\t")).isEqualTo(3);
        assertThat(Words.count("- 3.5 % ok \u2014 \"fine\"")).isEqualTo(3);
        assertThat(Words.count("non\u00A0breaking")).isEqualTo(2);
    }

    @Test
    void blankTextHasNoWords() {
        assertThat(Words.count("")).isZero();
        assertThat(Words.count(" \n\t ")).isZero();
        assertThat(Words.count("-- ... !!")).isZero();
    }
}
