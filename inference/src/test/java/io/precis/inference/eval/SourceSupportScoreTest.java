package io.precis.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.precis.inference.text.Sentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceSupportScoreTest {

    private static final String ARTICLE = "The city council of Portview approved a plan on Tuesday to rebuild the old "
            + "harbour wall, which was damaged in a storm last winter. The project will cost 12 million euros and is "
            + "expected to take two years. Mayor Anna Berg said the new wall would protect about 400 homes from "
            + "flooding. Work will begin in March, once the contract has been signed. Local fishermen welcomed the "
            + "decision but asked for the harbour to stay open during construction.";

    private final SourceSupportScore score = new SourceSupportScore(SharedEncoder.get());

    @Test
    void faithfulSummaryScoresHigherThanOneWithAHallucinatedNumber() {
        double faithful = score.score("The project will cost 12 million euros and take two years.",
                List.of(ARTICLE)).score();
        SourceSupportScore.Result hallucinated = score.score(
                "The project will cost 85 million euros and take two years.", List.of(ARTICLE));
        assertThat(faithful).isGreaterThan(hallucinated.score() + 0.1);
        assertThat(hallucinated.absentCheckWords()).containsExactly("85");
    }

    @Test
    void faithfulSummaryScoresHigherThanOneWithAHallucinatedName() {
        double faithful = score.score("Mayor Anna Berg said the wall would protect about 400 homes.",
                List.of(ARTICLE)).score();
        SourceSupportScore.Result hallucinated = score.score(
                "Mayor Peter Lindqvist said the wall would protect about 400 homes.", List.of(ARTICLE));
        assertThat(faithful).isGreaterThan(hallucinated.score() + 0.1);
        assertThat(hallucinated.absentCheckWords()).contains("Lindqvist");
    }

    @Test
    void recombinedFactsScoreLowerThanLocallySupportedOnes() {
        double faithful = score.score("Local fishermen welcomed the decision.", List.of(ARTICLE)).score();
        double recombined = score.score("Local fishermen damaged the contract in March.", List.of(ARTICLE)).score();
        assertThat(faithful).isGreaterThan(recombined);
    }

    @Test
    void copiedSentencesScoreHighAndEverySentenceIsReported() {
        SourceSupportScore.Result result = score.score("The project will cost 12 million euros and is expected to "
                + "take two years.\nWork will begin in March, once the contract has been signed.", List.of(ARTICLE));
        assertThat(result.sentences()).hasSize(2);
        assertThat(result.score()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(result.absent()).isEmpty();
        assertThat(result.sentences().get(1).supportingSentence()).startsWith("Work will begin in March");
    }

    @Test
    void emptySummaryOrSourceScoresZero() {
        assertThat(score.score("", List.of(ARTICLE)).score()).isZero();
        assertThat(score.score("Something happened.", List.of("")).score()).isZero();
    }

    @Test
    void severalDocumentsSupportOneSummary() {
        double both = score.score("The wall will protect 400 homes. The library has 250 new desks.",
                List.of(ARTICLE, "The national library reopened with 250 new desks.")).score();
        double one = score.score("The wall will protect 400 homes. The library has 250 new desks.",
                List.of(ARTICLE)).score();
        assertThat(both).isGreaterThan(one);
    }

    @Test
    void sentencesGluedWithoutASpaceAreSplit() {
        String text = "He was vilified by the community.Dr Venter is not modest. He owns jets.";
        List<Sentence> sentences = score.sentences(text);
        assertThat(sentences).extracting(Sentence::text)
                .containsExactly("He was vilified by the community.", "Dr Venter is not modest.", "He owns jets.");
        assertThat(score.sentences("Prices rose 3.5 per cent in the U.S. last year.")).hasSize(1);
    }
}
