package io.precis.inference.reward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Bradley-Terry reward model: {@code reward(s) = Σ weights[i] * features[i] / scales[i]}, so that
 * {@code P(a preferred to b) = sigmoid(reward(a) - reward(b))}. Serialised as JSON (format {@value #FORMAT}) and
 * stored in the model registry under its {@code version}.
 *
 * @param scales           per-feature root mean square of the training pairs' feature differences
 * @param heldOutAccuracy  share of held-out pairs whose chosen summary gets the higher reward
 */
public record RewardModel(String format, String version, List<String> features, double[] scales, double[] weights,
        double l2, int trainPairs, int heldOutPairs, double trainAccuracy, double heldOutAccuracy) {
    public static final String FORMAT = "precis-reward-bt/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public RewardModel {
        Objects.requireNonNull(version, "version");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a reward model of format " + FORMAT + ": " + format);
        }
        if (features.size() != scales.length || features.size() != weights.length) {
            throw new IllegalArgumentException("features, scales and weights must have the same length");
        }
    }

    public double score(double[] featureValues) {
        if (featureValues.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + featureValues.length);
        }
        double reward = 0;
        for (int i = 0; i < weights.length; i++) {
            reward += weights[i] * featureValues[i] / scales[i];
        }
        return reward;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a reward model */
    public static RewardModel fromJson(String json) {
        try {
            return JSON.readValue(json, RewardModel.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a reward model: " + e.getMessage(), e);
        }
    }
}
