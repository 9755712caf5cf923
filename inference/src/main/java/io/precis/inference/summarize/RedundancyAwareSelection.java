package io.precis.inference.summarize;

import io.precis.inference.embed.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy maximal-marginal-relevance selection under a word budget.
 *
 * <p>Each step takes the candidate with the best score minus a penalty for its similarity to what is already
 * chosen; candidates nearly identical to a chosen sentence (for instance the same sentence quoted in two
 * documents) are dropped outright. The first pick is always taken, even if it alone exceeds the budget, so
 * that a summary is never empty.
 */
final class RedundancyAwareSelection {

    static final double DUPLICATE_SIMILARITY = 0.85;
    private static final double REDUNDANCY_PENALTY = 0.3;

    private RedundancyAwareSelection() {
    }

    /** Returns the indices of the chosen candidates, in the order they were picked. */
    static List<Integer> select(double[] scores, float[][] vectors, int[] words, int maxWords) {
        int n = scores.length;
        boolean[] unavailable = new boolean[n];
        double[] maxSimilarityToChosen = new double[n];
        List<Integer> chosen = new ArrayList<>();
        int used = 0;
        while (true) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (unavailable[i]) {
                    continue;
                }
                if (!chosen.isEmpty() && used + words[i] > maxWords) {
                    unavailable[i] = true; // the remaining budget only shrinks
                    continue;
                }
                double value = scores[i] - REDUNDANCY_PENALTY * maxSimilarityToChosen[i];
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                return chosen;
            }
            chosen.add(best);
            unavailable[best] = true;
            used += words[best];
            for (int i = 0; i < n; i++) {
                if (!unavailable[i]) {
                    double similarity = Vectors.cosine(vectors[i], vectors[best]);
                    if (similarity > DUPLICATE_SIMILARITY) {
                        unavailable[i] = true;
                    } else {
                        maxSimilarityToChosen[i] = Math.max(maxSimilarityToChosen[i], similarity);
                    }
                }
            }
        }
    }
}
