package io.precis.inference.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummaryTypesTest {

    @Test
    void presetLengths() {
        assertThat(LengthTarget.of(Length.SHORT).maxWords()).isEqualTo(50);
        assertThat(LengthTarget.of(Length.MEDIUM).maxWords()).isEqualTo(100);
        assertThat(LengthTarget.of(Length.LONG).maxWords()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 2000})
    void acceptsBudgetsWithinRange(int maxWords) {
        assertThat(new LengthTarget(maxWords).maxWords()).isEqualTo(maxWords);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 9, 2001})
    void rejectsBudgetsOutOfRange(int maxWords) {
        assertThatThrownBy(() -> new LengthTarget(maxWords))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWords must be between 10 and 2000, was " + maxWords);
    }

    @Test
    void summaryJoinsSentencesAndCountsWords() {
        Summary summary = new Summary(List.of(
                new SummarySentence("First one.", List.of(new Citation(0, 0, 10))),
                new SummarySentence("Then the second, 2nd.", List.of(new Citation(1, 5, 26)))),
                new ModelInfo("m", "1"), "single");

        assertThat(summary.text()).isEqualTo("First one. Then the second, 2nd.");
        assertThat(summary.wordCount()).isEqualTo(6);
    }

    @Test
    void emptySummary() {
        Summary summary = new Summary(List.of(), new ModelInfo("m", "1"), "single");

        assertThat(summary.text()).isEmpty();
        assertThat(summary.wordCount()).isZero();
    }

    @Test
    void requestCopiesItsDocuments() {
        List<SourceDocument> documents = new java.util.ArrayList<>(List.of(new SourceDocument("t", "text")));
        SummaryRequest request = new SummaryRequest(documents, LengthTarget.of(Length.SHORT));
        documents.clear();

        assertThat(request.documents()).hasSize(1);
    }

    @Test
    void citationRejectsInvalidSpans() {
        assertThatThrownBy(() -> new Citation(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Citation(0, 5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
