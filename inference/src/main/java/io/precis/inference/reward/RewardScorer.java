package io.precis.inference.reward;

import java.util.List;

/** Scores a summary of some documents with a reward model. Thread-safe. */
public final class RewardScorer {
    private final SummaryFeatures features;
    private final RewardModel model;

    public RewardScorer(SummaryFeatures features, RewardModel model) {
        if (!model.features().equals(SummaryFeatures.NAMES)) {
            throw new IllegalArgumentException("reward model " + model.version() + " uses features " + model.features()
                    + ", this build computes " + SummaryFeatures.NAMES);
        }
        this.features = features;
        this.model = model;
    }

    public double score(List<String> documents, String summary) {
        return model.score(features.of(documents, summary));
    }

    public RewardModel model() {
        return model;
    }
}
