package io.precis.inference.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.precis.inference.embed.Embedder;
import io.precis.inference.summarize.ExtractiveSummarizer;
import io.precis.inference.embed.MemoizingEmbedder;
import io.precis.inference.summarize.HashingEmbedder;
import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.PolicyParameters;
import io.precis.inference.summarize.SyntheticText;

class PolicyTunerTest {
    private final Embedder embedder = new MemoizingEmbedder(new HashingEmbedder());
    private final SummaryFeatures features = new SummaryFeatures(embedder);
    private final List<List<String>> inputs = List.of(List.of(SyntheticText.ofWords(300, 1)),
            List.of(SyntheticText.ofWords(300, 2)), List.of(SyntheticText.ofWords(250, 3)));
    /** A policy far from the lead: the reward model below prefers leads, so tuning should move back towards them. */
    private final PolicyParameters production = new PolicyParameters(1, 0, 0, 0.5, 0.3, 0.5);

    private RewardScorer leadLovingReward() {
        double[] weights = new double[SummaryFeatures.NAMES.size()];
        weights[SummaryFeatures.NAMES.indexOf("leadPosition")] = 1;
        double[] scales = new double[weights.length];
        java.util.Arrays.fill(scales, 1);
        return new RewardScorer(features, new RewardModel(RewardModel.FORMAT, "lead", SummaryFeatures.NAMES, scales,
                weights, 0, 0, 0, Double.NaN, Double.NaN));
    }

    private PolicyTuner tuner(double driftPenalty) {
        return new PolicyTuner(p -> new ExtractiveSummarizer(embedder, p, new ModelInfo("t", "1")), leadLovingReward(),
                driftPenalty, 40);
    }

    @Test
    void raisesTheRewardOfTheSummaries() {
        PolicyTuner.Result result = tuner(0.01).tune(production, inputs);
        assertThat(result.rewardGain()).isPositive();
        assertThat(result.tunedReward()).isEqualTo(tuner(0).meanReward(result.tuned(), inputs));
        assertThat(result.tuned()).isNotEqualTo(production);
        assertThat(result.evaluations()).isLessThanOrEqualTo(40);
    }

    @Test
    void aLargeDriftPenaltyKeepsProductionsPolicy() {
        PolicyTuner.Result result = tuner(1_000).tune(production, inputs);
        assertThat(result.tuned()).isEqualTo(production);
        assertThat(result.rewardGain()).isZero();
    }
}
