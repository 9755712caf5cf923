package io.precis.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RougeTest {

    private static final String UPSTREAM_VECTORS = "rouge-score-test-vectors.jsonl";
    private static final String ORACLE_VECTORS = "rouge-score-oracle-vectors.jsonl";

    /** The 11 vectors of rouge-score's own tests. */
    @TestFactory
    Stream<DynamicTest> matchesRougeScoreTestVectors() {
        List<JsonNode> rows = EvalTestData.jsonLines(EvalTestData.bundledText(UPSTREAM_VECTORS));
        assertThat(rows).as("rows of " + UPSTREAM_VECTORS).hasSize(11);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.get("name").asText(), () -> {
            RougeScores scores = Rouge.score(
                    row.get("target").asText(), row.get("prediction").asText(), row.get("stem").asBoolean());
            // Values upstream compares with assertAlmostEqual(places=5) are only given to 5 places.
            double tolerance = row.has("places") ? 0.5 * Math.pow(10, -row.get("places").asInt()) : 1e-9;
            int checked = 0;
            for (JsonNode type : row.get("types")) {
                Score actual = pick(scores, type.asText());
                Iterator<Map.Entry<String, JsonNode>> fields = row.get("expected").get(type.asText()).fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String measure = field.getKey();
                    double tol = tolerance;
                    if (measure.endsWith("_places3")) { // upstream: assertAlmostEqual(0.5333, f, places=3)
                        measure = measure.substring(0, measure.length() - "_places3".length());
                        tol = 0.5e-3;
                    }
                    assertThat(measure(actual, measure)).as(type.asText() + " " + measure)
                            .isCloseTo(field.getValue().asDouble(), within(tol));
                    checked++;
                }
            }
            assertThat(checked).isPositive();
        }));
    }

    /** Full-precision expectations from a transcription of rouge_scorer.py run with NLTK 3.8; see the README. */
    @TestFactory
    Stream<DynamicTest> matchesOracleVectorsExactly() {
        List<JsonNode> rows = EvalTestData.jsonLines(EvalTestData.bundledText(ORACLE_VECTORS));
        assertThat(rows).as("rows of " + ORACLE_VECTORS).hasSizeGreaterThanOrEqualTo(60);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.get("name").asText(), () -> {
            List<String> targets = new ArrayList<>();
            row.get("targets").forEach(t -> targets.add(t.asText()));
            String prediction = row.get("prediction").asText();
            boolean stem = row.get("stem").asBoolean();
            RougeScores scores = Rouge.scoreMulti(targets, prediction, stem);
            if (targets.size() == 1) {
                assertThat(Rouge.score(targets.get(0), prediction, stem)).isEqualTo(scores);
            }
            for (String type : List.of("rouge1", "rouge2", "rougeL", "rougeLsum")) {
                JsonNode expected = row.get("expected").get(type);
                Score actual = pick(scores, type);
                for (String measure : List.of("precision", "recall", "fmeasure")) {
                    assertThat(measure(actual, measure)).as(type + " " + measure)
                            .isCloseTo(expected.get(measure).asDouble(), within(1e-12));
                }
            }
        }));
    }

    @Test
    void documentedExample() {
        // rouge_scorer.py's docstring example, worked by hand: 9 and 9 tokens, 6 shared unigrams.
        RougeScores scores = Rouge.score("The quick brown fox jumps over the lazy dog",
                "The quick brown dog jumps on the log.", false);
        assertThat(scores.rouge1().precision()).isEqualTo(6.0 / 8);
        assertThat(scores.rouge1().recall()).isEqualTo(6.0 / 9);
        assertThat(scores.rougeL()).isEqualTo(scores.rougeLsum());
    }

    @Test
    void newlinesOnlyMatterToRougeLsum() {
        String target = "alpha beta gamma delta";
        RougeScores oneLine = Rouge.score(target, "gamma delta alpha beta", false);
        RougeScores twoLines = Rouge.score(target, "gamma delta\nalpha beta", false);
        assertThat(twoLines.rouge1()).isEqualTo(oneLine.rouge1());
        assertThat(twoLines.rouge2()).isEqualTo(oneLine.rouge2());
        assertThat(twoLines.rougeL()).isEqualTo(oneLine.rougeL());
        assertThat(oneLine.rougeL()).isEqualTo(new Score(0.5, 0.5, 0.5));
        // One line each: summary-level LCS is the plain LCS.
        assertThat(oneLine.rougeLsum()).isEqualTo(oneLine.rougeL());
        // The target sentence's LCS with "gamma delta" and with "alpha beta" together cover it all.
        assertThat(twoLines.rougeLsum()).isEqualTo(new Score(1.0, 1.0, 1.0));
    }

    @Test
    void stemmingConflatesInflections() {
        String target = "The runners were running";
        String prediction = "a runner runs";
        assertThat(Rouge.score(target, prediction, false).rouge1().recall()).isZero();
        // stemmed: "the runner were run" against "a runner run" share "runner" and "run"
        assertThat(Rouge.score(target, prediction, true).rouge1().recall()).isEqualTo(0.5);
    }

    @Test
    void emptyOrWordlessTextsScoreZero() {
        Score zero = new Score(0.0, 0.0, 0.0);
        for (String[] pair : new String[][] {{"", ""}, {"alpha", ""}, {"", "alpha"}, {"...", "alpha"}, {"alpha", "\n\n"}}) {
            RougeScores scores = Rouge.score(pair[0], pair[1], true);
            assertThat(List.of(scores.rouge1(), scores.rouge2(), scores.rougeL(), scores.rougeLsum()))
                    .as("%s / %s", pair[0], pair[1]).containsOnly(zero);
        }
    }

    @Test
    void scoreMultiTakesEachVariantFromItsBestTargetAndTheFirstOnTies() {
        // Against "a b c d": P=1, R=1/2; against "a": P=1/2, R=1; F is 2/3 for both.
        RougeScores longFirst = Rouge.scoreMulti(List.of("a b c d", "a"), "a b", false);
        RougeScores shortFirst = Rouge.scoreMulti(List.of("a", "a b c d"), "a b", false);
        assertThat(longFirst.rouge1()).isEqualTo(new Score(1.0, 0.5, 2.0 / 3));
        assertThat(shortFirst.rouge1()).isEqualTo(new Score(0.5, 1.0, 2.0 / 3));
        // ROUGE-2 comes from "a b c d" either way ("a" has no bigram).
        assertThat(shortFirst.rouge2().fmeasure()).isEqualTo(0.5);

        RougeScores mixed = Rouge.scoreMulti(List.of("b a", "a b"), "a b", false);
        assertThat(mixed.rouge1()).isEqualTo(new Score(1.0, 1.0, 1.0));
        assertThat(mixed.rouge2()).isEqualTo(new Score(1.0, 1.0, 1.0)); // from the second target
    }

    @Test
    void scoreMultiOfOneTargetIsScore() {
        assertThat(Rouge.scoreMulti(List.of("one two three"), "two three four", true))
                .isEqualTo(Rouge.score("one two three", "two three four", true));
    }

    @Test
    void rejectsMissingArguments() {
        assertThatThrownBy(() -> Rouge.scoreMulti(List.of(), "x", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rouge.score(null, "x", false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Rouge.score("x", null, false)).isInstanceOf(NullPointerException.class);
    }

    static Score pick(RougeScores scores, String type) {
        return switch (type) {
            case "rouge1" -> scores.rouge1();
            case "rouge2" -> scores.rouge2();
            case "rougeL" -> scores.rougeL();
            case "rougeLsum" -> scores.rougeLsum();
            default -> throw new IllegalArgumentException("unknown ROUGE type " + type);
        };
    }

    private static double measure(Score score, String measure) {
        return switch (measure) {
            case "precision" -> score.precision();
            case "recall" -> score.recall();
            case "fmeasure" -> score.fmeasure();
            default -> throw new IllegalArgumentException("unknown measure " + measure);
        };
    }
}
