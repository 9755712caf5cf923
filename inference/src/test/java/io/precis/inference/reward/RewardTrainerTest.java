package io.precis.inference.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.precis.inference.embed.MemoizingEmbedder;
import io.precis.inference.summarize.HashingEmbedder;

class RewardTrainerTest {
    private final SummaryFeatures features = new SummaryFeatures(new MemoizingEmbedder(new HashingEmbedder()));

    @Test
    void learnsTheTasteOfThePairsAndPredictsHeldOutOnes() {
        RewardModel model = new RewardTrainer(features, 0.01, 0.25, 7).train(Preferences.synthetic(40), "r1");

        assertThat(model.heldOutPairs()).isEqualTo(10);
        assertThat(model.trainPairs()).isEqualTo(30);
        assertThat(model.heldOutAccuracy()).isGreaterThanOrEqualTo(0.9);
        // the lead sits at the start and is supported by the source: both features must carry positive weight
        assertThat(model.weights()[SummaryFeatures.NAMES.indexOf("leadPosition")]).isPositive();
        assertThat(model.weights()[SummaryFeatures.NAMES.indexOf("support")]).isPositive();
    }

    @Test
    void scoresChosenAboveRejectedOnNewPairs() {
        RewardScorer scorer = new RewardScorer(features, new RewardTrainer(features, 0.01, 0.2, 1)
                .train(Preferences.synthetic(30), "r1"));
        List<PreferencePair> unseen = Preferences.synthetic(50).subList(40, 50);
        long right = unseen.stream()
                .filter(p -> scorer.score(p.documents(), p.chosen()) > scorer.score(p.documents(), p.rejected())).count();
        assertThat(right).isGreaterThanOrEqualTo(9);
    }

    @Test
    void refusesToTrainOnTooFewPairs() {
        RewardTrainer trainer = new RewardTrainer(features, 0.01, 0.2, 1);
        assertThatThrownBy(() -> trainer.train(Preferences.synthetic(RewardTrainer.MIN_PAIRS - 1), "r1"))
                .isInstanceOf(NotEnoughPairsException.class)
                .hasMessageContaining("at least " + RewardTrainer.MIN_PAIRS)
                .hasMessageContaining("there are " + (RewardTrainer.MIN_PAIRS - 1));
    }

    @Test
    void survivesAJsonRoundTrip() {
        RewardModel model = new RewardTrainer(features, 0.1, 0.2, 3).train(Preferences.synthetic(12), "r7");
        RewardModel read = RewardModel.fromJson(model.toJson());
        assertThat(read.version()).isEqualTo("r7");
        assertThat(read.weights()).containsExactly(model.weights());
        assertThat(read.scales()).containsExactly(model.scales());
        assertThat(read.heldOutAccuracy()).isEqualTo(model.heldOutAccuracy());
        assertThatThrownBy(() -> RewardModel.fromJson("{\"format\":\"other\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
