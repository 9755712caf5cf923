package io.precis.inference.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ROUGE scores computed exactly as Google's {@code rouge-score} Python package ({@code rouge_scorer.py},
 * default tokenizer, {@code split_summaries=False}) computes {@code rouge1}, {@code rouge2}, {@code rougeL} and
 * {@code rougeLsum}, with or without its Porter stemming ({@code use_stemmer}).
 *
 * <ul>
 *   <li>ROUGE-N: clipped n-gram overlap; precision and recall divide by the prediction's and the target's
 *       n-gram counts (at least 1).</li>
 *   <li>ROUGE-L: longest common subsequence of the two token lists; newlines are only whitespace here.</li>
 *   <li>ROUGE-Lsum: both texts are split on {@code '\n'} into sentences (empty lines dropped); for each target
 *       sentence the union of its LCS with every prediction sentence is taken, and its tokens count as hits
 *       while both texts still have unused occurrences of them (as ROUGE 1.5.5 does). Put one sentence on a
 *       line, as the references in {@code shared/data/eval} are.</li>
 * </ul>
 *
 * <p>ROUGE-Lsum keeps a full LCS table for each pair of lines (as the Python code does), so two very long
 * single-line texts cost the product of their token counts in ints. Thread-safe; no state.
 */
public final class Rouge {

    private Rouge() {
    }

    /**
     * Scores a prediction against one target (reference).
     *
     * @param stem whether to apply the Porter stemmer to tokens longer than three characters
     */
    public static RougeScores score(String target, String prediction, boolean stem) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prediction, "prediction");
        Vocabulary vocabulary = new Vocabulary();
        int[] targetTokens = vocabulary.ids(RougeTokenizer.tokenize(target, stem));
        int[] predictionTokens = vocabulary.ids(RougeTokenizer.tokenize(prediction, stem));
        List<int[]> targetSentences = sentences(target, stem, vocabulary);
        List<int[]> predictionSentences = sentences(prediction, stem, vocabulary);
        return new RougeScores(
                ngramScore(targetTokens, predictionTokens, 1),
                ngramScore(targetTokens, predictionTokens, 2),
                lcsScore(targetTokens, predictionTokens),
                summaryLevelLcsScore(targetSentences, predictionSentences, vocabulary.size()));
    }

    /**
     * Scores a prediction against several targets as {@code RougeScorer.score_multi} does: for each ROUGE
     * variant on its own, the score against the target with the highest F-measure (the first such target on
     * a tie).
     *
     * @throws IllegalArgumentException when {@code targets} is empty
     */
    public static RougeScores scoreMulti(List<String> targets, String prediction, boolean stem) {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(prediction, "prediction");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("scoreMulti needs at least one target");
        }
        RougeScores best = null;
        for (String target : targets) {
            RougeScores scores = score(target, prediction, stem);
            best = best == null ? scores : new RougeScores(
                    better(best.rouge1(), scores.rouge1()),
                    better(best.rouge2(), scores.rouge2()),
                    better(best.rougeL(), scores.rougeL()),
                    better(best.rougeLsum(), scores.rougeLsum()));
        }
        return best;
    }

    /** numpy's argmax keeps the first maximum, so a later score replaces the best only when strictly higher. */
    private static Score better(Score best, Score candidate) {
        return candidate.fmeasure() > best.fmeasure() ? candidate : best;
    }

    // --- ROUGE-N -------------------------------------------------------------------------------------

    static Score ngramScore(int[] target, int[] prediction, int n) {
        Map<Long, int[]> targetCounts = ngramCounts(target, n);
        Map<Long, int[]> predictionCounts = ngramCounts(prediction, n);
        long intersection = 0;
        for (Map.Entry<Long, int[]> entry : targetCounts.entrySet()) {
            int[] predictionCount = predictionCounts.get(entry.getKey());
            if (predictionCount != null) {
                intersection += Math.min(entry.getValue()[0], predictionCount[0]);
            }
        }
        int targetTotal = Math.max(target.length - n + 1, 0);
        int predictionTotal = Math.max(prediction.length - n + 1, 0);
        double precision = (double) intersection / Math.max(predictionTotal, 1);
        double recall = (double) intersection / Math.max(targetTotal, 1);
        return Score.of(precision, recall);
    }

    /** Counts n-grams for n of 1 or 2, keyed by their token ids packed into one long. */
    private static Map<Long, int[]> ngramCounts(int[] tokens, int n) {
        if (n < 1 || n > 2) {
            throw new IllegalArgumentException("n must be 1 or 2: " + n);
        }
        Map<Long, int[]> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.length; i++) {
            long key = n == 1 ? tokens[i] : ((long) tokens[i] << 32) | (tokens[i + 1] & 0xffffffffL);
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
        }
        return counts;
    }

    // --- ROUGE-L -------------------------------------------------------------------------------------

    static Score lcsScore(int[] target, int[] prediction) {
        if (target.length == 0 || prediction.length == 0) {
            return Score.ZERO;
        }
        int lcs = lcsLength(target, prediction);
        return Score.of((double) lcs / prediction.length, (double) lcs / target.length);
    }

    /** LCS length in two rows of the table. */
    private static int lcsLength(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    // --- ROUGE-Lsum ----------------------------------------------------------------------------------

    /** Splits on '\n' as Python's {@code str.split("\n")} does, drops empty lines, tokenizes each line. */
    private static List<int[]> sentences(String text, boolean stem, Vocabulary vocabulary) {
        List<int[]> sentences = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                sentences.add(vocabulary.ids(RougeTokenizer.tokenize(line, stem)));
            }
        }
        return sentences;
    }

    /** {@code _summary_level_lcs} of rouge_scorer.py. */
    static Score summaryLevelLcsScore(List<int[]> targetSentences, List<int[]> predictionSentences,
            int vocabularySize) {
        if (targetSentences.isEmpty() || predictionSentences.isEmpty()) {
            return Score.ZERO;
        }
        int m = 0;
        int[] targetCounts = new int[vocabularySize];
        for (int[] sentence : targetSentences) {
            m += sentence.length;
            for (int token : sentence) {
                targetCounts[token]++;
            }
        }
        int n = 0;
        int[] predictionCounts = new int[vocabularySize];
        for (int[] sentence : predictionSentences) {
            n += sentence.length;
            for (int token : sentence) {
                predictionCounts[token]++;
            }
        }
        if (n == 0 || m == 0) {
            return Score.ZERO;
        }
        int hits = 0;
        for (int[] reference : targetSentences) {
            boolean[] inUnion = new boolean[reference.length];
            for (int[] candidate : predictionSentences) {
                markLcsIndices(reference, candidate, inUnion);
            }
            // Union of LCS indices in ascending order, as sorted(set().union(*lcs_list)).
            for (int i = 0; i < reference.length; i++) {
                if (inUnion[i]) {
                    int token = reference[i];
                    if (predictionCounts[token] > 0 && targetCounts[token] > 0) {
                        hits++;
                        predictionCounts[token]--;
                        targetCounts[token]--;
                    }
                }
            }
        }
        return Score.of((double) hits / n, (double) hits / m);
    }

    /**
     * Marks the reference indices of the one LCS that {@code _backtrack_norec} reads out of the full LCS
     * table: on a match take it, else move left when the cell to the left is strictly greater, else move up.
     */
    private static void markLcsIndices(int[] reference, int[] candidate, boolean[] marks) {
        int rows = reference.length;
        int cols = candidate.length;
        if (rows == 0 || cols == 0) {
            return;
        }
        int width = cols + 1;
        int[] table = new int[Math.multiplyExact(rows + 1, width)];
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j <= cols; j++) {
                table[i * width + j] = reference[i - 1] == candidate[j - 1]
                        ? table[(i - 1) * width + j - 1] + 1
                        : Math.max(table[(i - 1) * width + j], table[i * width + j - 1]);
            }
        }
        int i = rows;
        int j = cols;
        while (i > 0 && j > 0) {
            if (reference[i - 1] == candidate[j - 1]) {
                marks[i - 1] = true;
                i--;
                j--;
            } else if (table[i * width + j - 1] > table[(i - 1) * width + j]) {
                j--;
            } else {
                i--;
            }
        }
    }

    /** Token strings to dense ids, shared by target and prediction of one scoring. */
    private static final class Vocabulary {
        private final Map<String, Integer> ids = new HashMap<>();

        int[] ids(List<String> tokens) {
            int[] result = new int[tokens.size()];
            for (int k = 0; k < result.length; k++) {
                result[k] = ids.computeIfAbsent(tokens.get(k), t -> ids.size());
            }
            return result;
        }

        int size() {
            return ids.size();
        }
    }
}
