package io.precis.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Smoke numbers, printed and not asserted: mean ROUGE F1 x 100 (stemmed) of Lead-3 on the dev sets in
 * {@code shared/data/eval}, beside the reference rows of that folder's README. Lead-3 is the first three
 * sentences, one per line, from a plain split after '.', '!' or '?' followed by whitespace; the README's
 * numbers came from another splitter, so expect differences of a few hundredths to tenths.
 */
class Lead3SmokeTest {

    private static final Pattern SENTENCE_END =
            Pattern.compile("(?<=[.!?])\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern OUTER_SPACE =
            Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);

    @Test
    void lead3OnNewsDevSet() {
        report("news-cnndm-dev.jsonl", false, new double[] {41.74, 19.50, 27.10, 37.84});
    }

    @Test
    void lead3OnMultiNewsDevSet() {
        report("multinews-dev.jsonl", true, new double[] {39.27, 11.59, 17.54, 24.73});
    }

    @Test
    void lead3OnDialogueDevSet() {
        report("dialogue-dev.jsonl", false, new double[] {26.59, 8.25, 20.07, 22.13});
    }

    private static void report(String file, boolean everyDocument, double[] readme) {
        List<JsonNode> rows = EvalTestData.jsonLines(EvalTestData.sharedEvalFile(file));
        assertThat(rows).as(file).isNotEmpty();
        double[] sums = new double[4];
        for (JsonNode row : rows) {
            List<String> leads = new ArrayList<>();
            for (JsonNode document : row.get("documents")) {
                leads.add(String.join("\n", firstSentences(document.asText(), 3)));
                if (!everyDocument) {
                    break;
                }
            }
            List<String> references = new ArrayList<>();
            if (row.has("references")) {
                row.get("references").forEach(r -> references.add(r.asText()));
            } else {
                references.add(row.get("reference").asText());
            }
            RougeScores scores = Rouge.scoreMulti(references, String.join("\n", leads), true);
            sums[0] += scores.rouge1().fmeasure();
            sums[1] += scores.rouge2().fmeasure();
            sums[2] += scores.rougeL().fmeasure();
            sums[3] += scores.rougeLsum().fmeasure();
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Lead-3 %-22s n=%-3d", file, rows.size()));
        String[] names = {"R1", "R2", "RL", "RLsum"};
        for (int k = 0; k < 4; k++) {
            double mean = 100 * sums[k] / rows.size();
            assertThat(mean).isBetween(0.0, 100.0);
            line.append(String.format(Locale.ROOT, "  %s %.2f (README %.2f, %+.2f)",
                    names[k], mean, readme[k], mean - readme[k]));
        }
        System.out.println(line);
    }

    static List<String> firstSentences(String text, int count) {
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(OUTER_SPACE.matcher(text).replaceAll(""))) {
            String sentence = OUTER_SPACE.matcher(part).replaceAll("");
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
                if (sentences.size() == count) {
                    break;
                }
            }
        }
        return sentences;
    }
}
