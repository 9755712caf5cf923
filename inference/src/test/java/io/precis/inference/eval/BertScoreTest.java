package io.precis.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BertScoreTest {

    private final BertScore bertScore = new BertScore(SharedEncoder.get());

    @Test
    void identicalTextsScoreOne() {
        String text = "The council approved a plan to rebuild the harbour wall, which a storm damaged last winter.";
        BertScore.Result result = bertScore.score(text, text);
        assertThat(result.precision()).isCloseTo(1.0, within(1e-4));
        assertThat(result.recall()).isCloseTo(1.0, within(1e-4));
        assertThat(result.f1()).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void paraphraseScoresHigherThanUnrelatedText() {
        String reference = "The city council approved the plan to rebuild the harbour wall.";
        BertScore.Result paraphrase = bertScore.score("Councillors voted to rebuild the town's harbour wall.", reference);
        BertScore.Result unrelated = bertScore.score("My grandmother bakes apple pies every Sunday afternoon.",
                reference);
        assertThat(paraphrase.f1()).isGreaterThan(unrelated.f1() + 0.1);
        assertThat(paraphrase.precision()).isGreaterThan(unrelated.precision());
        assertThat(paraphrase.recall()).isGreaterThan(unrelated.recall());
    }

    @Test
    void batchScoresEqualSingleScores() {
        List<String> candidates = List.of("A storm damaged the wall.", "Visitors can use new desks.");
        List<String> references = List.of("The wall was damaged in a storm.", "The library has 250 new desks.");
        List<BertScore.Result> batch = bertScore.scoreAll(candidates, references, IdfWeights.uniform());
        for (int i = 0; i < candidates.size(); i++) {
            BertScore.Result single = bertScore.score(candidates.get(i), references.get(i));
            assertThat(batch.get(i).f1()).isCloseTo(single.f1(), within(1e-5));
        }
    }

    @Test
    void multiReferenceTakesTheBestF1() {
        String candidate = "The library reopened its reading room.";
        List<String> references = List.of("Stock prices fell sharply.", "The library's reading room has reopened.");
        BertScore.Result best = bertScore.scoreMulti(candidate, references, IdfWeights.uniform());
        assertThat(best.f1()).isCloseTo(bertScore.score(candidate, references.get(1)).f1(), within(1e-6));
    }

    @Test
    void idfWeighsRareTokensMoreAndChangesTheScore() {
        List<String> corpus = List.of("the harbour wall was rebuilt", "the library reopened", "the team met for lunch");
        IdfWeights idf = bertScore.idf(corpus);
        long the = SharedEncoder.get().tokenIds("the")[0];
        long harbour = SharedEncoder.get().tokenIds("harbour")[0];
        assertThat(idf.isIdf()).isTrue();
        // bert-score: idf = ln((M + 1) / (df + 1)); "the" is in all 3 texts, "harbour" in 1.
        assertThat(idf.weight(the)).isCloseTo(Math.log(4.0 / 4.0), within(1e-12));
        assertThat(idf.weight(harbour)).isCloseTo(Math.log(4.0 / 2.0), within(1e-12));
        assertThat(idf.weight(999_999)).isCloseTo(Math.log(4.0), within(1e-12));
        assertThat(idf.weight(MiniLmTokenEncoder.CLS_ID)).isZero();
        assertThat(idf.weight(MiniLmTokenEncoder.SEP_ID)).isZero();
        assertThat(IdfWeights.uniform().weight(the)).isEqualTo(1.0);

        String candidate = "the the the harbour";
        String reference = "the harbour wall was rebuilt";
        BertScore.Result plain = bertScore.score(candidate, reference, IdfWeights.uniform());
        BertScore.Result weighted = bertScore.score(candidate, reference, idf);
        assertThat(weighted.precision()).isNotCloseTo(plain.precision(), within(1e-3));
    }

    @Test
    void emptyTextsScoreZero() {
        assertThat(bertScore.score("", "Something.").f1()).isZero();
        assertThat(bertScore.score("Something.", "   ").f1()).isZero();
    }

    @Test
    void longTextsAreEncodedInWindowsWithoutLosingTokens() {
        String text = "The council met again on Tuesday to discuss the harbour wall and its cost. ".repeat(40);
        TokenEmbeddings tokens = SharedEncoder.get().encode(text);
        assertThat(tokens.size()).isEqualTo(SharedEncoder.get().tokenIds(text).length).isGreaterThan(500);
        for (float[] v : tokens.vectors()) {
            assertThat(v).isNotNull().hasSize(384);
        }
        assertThat(bertScore.score(text, text).f1()).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void windowsCoverEveryTokenAndOwnersAreCentral() {
        assertThat(MiniLmTokenEncoder.windowStarts(0)).isEmpty();
        assertThat(MiniLmTokenEncoder.windowStarts(254)).containsExactly(0);
        assertThat(MiniLmTokenEncoder.windowStarts(255)).containsExactly(0, 1);
        assertThat(MiniLmTokenEncoder.windowStarts(600)).containsExactly(0, 190, 346);
        for (int i = 0; i < 600; i++) {
            int start = MiniLmTokenEncoder.owner(i, 600);
            assertThat(i).isBetween(start, start + 253);
            boolean cutLeft = start > 0;
            boolean cutRight = start + 254 < 600;
            if (cutLeft) {
                assertThat(i - start).isGreaterThanOrEqualTo(31);
            }
            if (cutRight) {
                assertThat(start + 253 - i).isGreaterThanOrEqualTo(31);
            }
        }
    }
}
