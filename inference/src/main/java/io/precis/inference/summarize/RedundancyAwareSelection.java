package io.precis.inference.summarize;

import io.precis.inference.embed.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy maximal-marginal-relevance selection under a word budget.
 *
 * <p>Each step takes the candidate with the best score minus a penalty for its similarity to what is already
 * chosen, among those that still fit; candidates nearly identical to a chosen sentence (for instance the same
 * sentence quoted in two documents) are dropped outright. {@code maxWords} is never exceeded: when no candidate fits
 * at all, nothing is chosen. Costs O(n) per pick.
 *
 * <p>Two knobs serve automatic lengths, where the budget is a target rather than a limit: a candidate that takes
 * the summary past the target still fits when the overshoot is at most {@code overshoot} times the shortfall
 * without it (1: whichever is nearer the target), and once the best remaining candidate no longer fits, only
 * candidates worth at least {@code fillRatio} of its value may fill the rest (0: any; 1: stop there).
 */
final class RedundancyAwareSelection {

    static final double DUPLICATE_SIMILARITY = 0.85;
    static final double REDUNDANCY_PENALTY = 0.3;

    private RedundancyAwareSelection() {
    }

    /** Fills at most {@code maxWords} words; returns the indices of the chosen candidates in the order picked. */
    static List<Integer> select(double[] scores, float[][] vectors, int[] words, int maxWords) {
        return select(scores, vectors, words, maxWords, maxWords, 0, REDUNDANCY_PENALTY, DUPLICATE_SIMILARITY, 0);
    }

    static List<Integer> select(double[] scores, float[][] vectors, int[] words, int maxWords, int target,
                                double overshoot, double redundancyPenalty, double duplicateSimilarity,
                                double fillRatio) {
        int n = scores.length;
        boolean[] unavailable = new boolean[n];
        double[] maxSimilarityToChosen = new double[n];
        List<Integer> chosen = new ArrayList<>();
        int used = 0;
        double floor = Double.NEGATIVE_INFINITY;
        while (true) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            double bestMissedValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (unavailable[i]) {
                    continue;
                }
                double value = scores[i] - redundancyPenalty * maxSimilarityToChosen[i];
                int after = used + words[i];
                if (after > maxWords || after > target && after - target > overshoot * (target - used)) {
                    unavailable[i] = true; // the room left only shrinks
                    bestMissedValue = Math.max(bestMissedValue, value);
                } else if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (bestMissedValue > bestValue && floor == Double.NEGATIVE_INFINITY) {
                floor = fillRatio * bestMissedValue; // the best no longer fits: what fills the rest must be worth it
            }
            if (best < 0 || bestValue < floor) {
                return chosen;
            }
            chosen.add(best);
            unavailable[best] = true;
            used += words[best];
            for (int i = 0; i < n; i++) {
                if (!unavailable[i]) {
                    double similarity = Vectors.cosine(vectors[i], vectors[best]);
                    if (similarity > duplicateSimilarity) {
                        unavailable[i] = true;
                    } else {
                        maxSimilarityToChosen[i] = Math.max(maxSimilarityToChosen[i], similarity);
                    }
                }
            }
        }
    }
}
