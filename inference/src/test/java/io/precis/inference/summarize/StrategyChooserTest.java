package io.precis.inference.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StrategyChooserTest {

    @ParameterizedTest(name = "{0} documents, {1} words, budget {2}: {3}")
    @CsvSource({
            "1, 900, 5000, SINGLE",
            "1, 5000, 5000, SINGLE",
            "1, 5001, 5000, MAP_REDUCE",
            "2, 300, 5000, MAP_REDUCE",
            "7, 90000, 5000, MAP_REDUCE",
            "0, 0, 5000, SINGLE",
            "1, 3000, 2048, MAP_REDUCE"})
    void autoUsesMapReduceForSeveralDocumentsOrInputOverTheBudget(int documents, int words, int budget,
                                                                Mode expected) {
        assertThat(StrategyChooser.choose(Mode.AUTO, documents, words, budget)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SINGLE", "MAP_REDUCE", "REFINE"})
    void explicitModesAreHonoured(Mode mode) {
        assertThat(StrategyChooser.choose(mode, 1, 100, 5000)).isEqualTo(mode);
        assertThat(StrategyChooser.choose(mode, 9, 100_000, 5000)).isEqualTo(mode);
    }

    @Test
    void autoNeverChoosesRefine() {
        for (int documents = 0; documents < 5; documents++) {
            for (int words : new int[] {0, 10, 4999, 5000, 5001, 1_000_000}) {
                assertThat(StrategyChooser.choose(Mode.AUTO, documents, words, 5000))
                        .isIn(Mode.SINGLE, Mode.MAP_REDUCE);
            }
        }
    }

    @Test
    void countsOnlyDocumentsWithTextFromARequest() {
        SummaryRequest oneReal = new SummaryRequest(List.of(new SourceDocument(null, "  "),
                new SourceDocument("a", "Four words right here."), new SourceDocument(null, "")),
                LengthTarget.auto());
        SummaryRequest twoReal = new SummaryRequest(List.of(new SourceDocument(null, "One."),
                new SourceDocument(null, "Two.")), LengthTarget.auto(), Mode.AUTO);

        assertThat(StrategyChooser.choose(oneReal, 5000)).isEqualTo(Mode.SINGLE);
        assertThat(StrategyChooser.choose(oneReal, 3)).isEqualTo(Mode.MAP_REDUCE);
        assertThat(StrategyChooser.choose(twoReal, 5000)).isEqualTo(Mode.MAP_REDUCE);
        assertThat(StrategyChooser.nonBlankDocuments(oneReal.documents())).isEqualTo(1);
        assertThat(StrategyChooser.totalWords(oneReal.documents())).isEqualTo(4);
    }

    @Test
    void rejectsImpossibleArguments() {
        assertThatThrownBy(() -> StrategyChooser.choose(Mode.AUTO, -1, 10, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrategyChooser.choose(Mode.AUTO, 1, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrategyChooser.choose(Mode.AUTO, 1, 10, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrategyChooser.choose(null, 1, 10, 10)).isInstanceOf(NullPointerException.class);
    }
}
