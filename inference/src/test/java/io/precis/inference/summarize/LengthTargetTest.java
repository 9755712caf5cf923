package io.precis.inference.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LengthTargetTest {

    @Test
    void fixedTargetsAreWhatTheySay() {
        LengthTarget target = new LengthTarget(120);

        assertThat(target.adaptive()).isFalse();
        assertThat(target.wordsFor(50_000, 9)).isEqualTo(120);
        assertThat(target.wordsFor(List.of(new SourceDocument(null, "a b c")))).isEqualTo(120);
        assertThat(LengthTarget.of(Length.MEDIUM)).isEqualTo(new LengthTarget(100));
    }

    @Test
    void autoIsAdaptiveAndCappedAtItsMaximum() {
        assertThat(LengthTarget.of(Length.AUTO)).isEqualTo(LengthTarget.auto());
        assertThat(LengthTarget.auto().adaptive()).isTrue();
        assertThat(LengthTarget.auto().maxWords()).isEqualTo(400);
        assertThat(new LengthTarget(60, true).wordsFor(5000, 4)).isEqualTo(60);
    }

    @ParameterizedTest(name = "{0} words in {1} documents: {2}")
    @CsvSource({
            "0, 0, 10",
            "30, 1, 10",
            "140, 1, 28",
            "375, 1, 75",
            "550, 1, 75",
            "2000, 1, 75",
            "8000, 1, 150",
            "50000, 1, 375",
            "1500, 2, 215",
            "1500, 5, 287",
            "200000, 10, 400"})
    void autoWordsGrowWithInputAndDocuments(int words, int documents, int expected) {
        assertThat(LengthTarget.autoWords(words, documents)).isEqualTo(expected);
    }

    @Test
    void autoWordsNeverShrinkAsInputGrows() {
        for (int documents = 1; documents <= 6; documents++) {
            int previous = 0;
            for (int words = 0; words <= 100_000; words += 250) {
                int auto = LengthTarget.autoWords(words, documents);
                assertThat(auto).isGreaterThanOrEqualTo(previous).isBetween(10, 400);
                previous = auto;
            }
        }
    }

    @Test
    void wordsForDocumentsCountsOnlyNonBlankOnes() {
        String hundredWords = "word ".repeat(100);
        List<SourceDocument> documents = List.of(new SourceDocument(null, hundredWords),
                new SourceDocument(null, " "), new SourceDocument(null, hundredWords));

        assertThat(LengthTarget.auto().wordsFor(documents)).isEqualTo(LengthTarget.autoWords(200, 2));
    }

    @Test
    void rejectsNegativeInput() {
        assertThatThrownBy(() -> LengthTarget.autoWords(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
