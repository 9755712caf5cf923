package io.precis.inference.reward;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Learns a {@link RewardModel} from preference pairs: logistic regression on the feature differences
 * {@code f(chosen) - f(rejected)} without intercept (a Bradley-Terry model), L2-regularised, by full-batch gradient
 * descent. A seeded shuffle holds out {@code heldOutShare} of the pairs (at least two) to measure accuracy; the model
 * is fitted on the rest.
 */
public final class RewardTrainer {
    public static final int MIN_PAIRS = 10;
    private static final int ITERATIONS = 2_000;
    private static final double LEARNING_RATE = 0.5;

    private final SummaryFeatures features;
    private final double l2;
    private final double heldOutShare;
    private final long seed;

    public RewardTrainer(SummaryFeatures features, double l2, double heldOutShare, long seed) {
        if (l2 < 0 || heldOutShare <= 0 || heldOutShare >= 1) {
            throw new IllegalArgumentException("l2 must be >= 0 and heldOutShare in (0, 1)");
        }
        this.features = features;
        this.l2 = l2;
        this.heldOutShare = heldOutShare;
        this.seed = seed;
    }

    /** @throws NotEnoughPairsException with fewer than {@link #MIN_PAIRS} pairs; nothing is trained then */
    public RewardModel train(List<PreferencePair> pairs, String version) {
        if (pairs.size() < MIN_PAIRS) {
            throw new NotEnoughPairsException(pairs.size(), MIN_PAIRS);
        }
        List<double[]> differences = new ArrayList<>();
        for (PreferencePair pair : pairs) {
            double[] chosen = features.of(pair.documents(), pair.chosen());
            double[] rejected = features.of(pair.documents(), pair.rejected());
            double[] d = new double[chosen.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = chosen[i] - rejected[i];
            }
            differences.add(d);
        }
        Collections.shuffle(differences, new Random(seed));
        int heldOut = Math.max(2, (int) Math.round(differences.size() * heldOutShare));
        List<double[]> test = differences.subList(0, heldOut);
        List<double[]> train = differences.subList(heldOut, differences.size());

        double[] scales = rootMeanSquare(train);
        double[] weights = fit(train, scales);
        RewardModel unmeasured = new RewardModel(RewardModel.FORMAT, version, SummaryFeatures.NAMES, scales, weights,
                l2, train.size(), test.size(), 0, 0);
        return new RewardModel(RewardModel.FORMAT, version, SummaryFeatures.NAMES, scales, weights, l2, train.size(),
                test.size(), accuracy(unmeasured, train), accuracy(unmeasured, test));
    }

    private double[] fit(List<double[]> train, double[] scales) {
        int n = scales.length;
        double[] w = new double[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            for (double[] d : train) {
                double margin = 0;
                for (int i = 0; i < n; i++) {
                    margin += w[i] * d[i] / scales[i];
                }
                // d/dw of log(1 + exp(-margin)) = -sigmoid(-margin) * x
                double g = -1 / (1 + Math.exp(margin));
                for (int i = 0; i < n; i++) {
                    gradient[i] += g * d[i] / scales[i];
                }
            }
            for (int i = 0; i < n; i++) {
                w[i] -= LEARNING_RATE * (gradient[i] / train.size() + l2 * w[i]);
            }
        }
        return w;
    }

    private static double[] rootMeanSquare(List<double[]> rows) {
        double[] scales = new double[rows.get(0).length];
        for (double[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                scales[i] += row[i] * row[i];
            }
        }
        for (int i = 0; i < scales.length; i++) {
            double rms = Math.sqrt(scales[i] / rows.size());
            // a feature that never differs between chosen and rejected carries no signal; 1 keeps its weight at 0
            scales[i] = rms > 1e-9 ? rms : 1;
        }
        return scales;
    }

    /** Ties count as wrong: a model that cannot tell two summaries apart has not predicted the preference. */
    private static double accuracy(RewardModel model, List<double[]> differences) {
        if (differences.isEmpty()) {
            return Double.NaN;
        }
        long right = differences.stream().filter(d -> model.score(d) > 0).count();
        return (double) right / differences.size();
    }
}
