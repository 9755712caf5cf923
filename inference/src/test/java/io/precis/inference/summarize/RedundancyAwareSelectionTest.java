package io.precis.inference.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedundancyAwareSelectionTest {

    private static final float[] X = {1f, 0f, 0f};
    private static final float[] NEAR_X = unit(1f, 0.3f, 0f); // cosine 0.96 to X
    private static final float[] Y = {0f, 1f, 0f};
    private static final float[] Z = {0f, 0f, 1f};

    private static float[] unit(float... v) {
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new float[] {(float) (v[0] / norm), (float) (v[1] / norm), (float) (v[2] / norm)};
    }

    @Test
    void skipsNearDuplicatesOfChosenSentences() {
        List<Integer> chosen = RedundancyAwareSelection.select(
                new double[] {0.9, 0.8, 0.5}, new float[][] {X, NEAR_X, Y}, new int[] {10, 10, 10}, 100);

        assertThat(chosen).containsExactly(0, 2);
    }

    @Test
    void neverExceedsTheBudgetAfterTheFirstPick() {
        List<Integer> chosen = RedundancyAwareSelection.select(
                new double[] {0.9, 0.8, 0.5}, new float[][] {X, Y, Z}, new int[] {30, 25, 15}, 50);

        assertThat(chosen).containsExactly(0, 2);
    }

    @Test
    void alwaysTakesTheBestCandidateEvenIfItAloneIsOverBudget() {
        List<Integer> chosen = RedundancyAwareSelection.select(
                new double[] {0.9, 0.8}, new float[][] {X, Y}, new int[] {80, 60}, 50);

        assertThat(chosen).containsExactly(0);
    }

    @Test
    void penalisesSimilarityToWhatIsAlreadyChosen() {
        float[] closeToX = unit(1f, 1f, 0f); // cosine 0.71 to X: redundant-ish but not a duplicate
        List<Integer> chosen = RedundancyAwareSelection.select(
                new double[] {0.9, 0.6, 0.5}, new float[][] {X, closeToX, Z}, new int[] {10, 10, 10}, 100);

        assertThat(chosen).containsExactly(0, 2, 1);
    }
}
