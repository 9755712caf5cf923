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
    void choosesNothingWhenNoCandidateFits() {
        List<Integer> chosen = RedundancyAwareSelection.select(
                new double[] {0.9, 0.8}, new float[][] {X, Y}, new int[] {80, 60}, 50);

        assertThat(chosen).isEmpty();
    }

    @Test
    void aTargetMayBePassedWhenThatEndsNearerToIt() {
        double[] scores = {0.9, 0.8, 0.7};
        float[][] vectors = {X, Y, Z};

        // 30 words, then 30 + 25 = 55: 5 past the target of 50 is nearer than 20 short of it.
        assertThat(RedundancyAwareSelection.select(scores, vectors, new int[] {30, 25, 25}, 100, 50, 1.0, 0.3,
                0.85, 1.0)).containsExactly(0, 1);
        // 30 + 41 = 71 is 21 past, farther than 20 short: stop, and do not pad with the weaker third.
        assertThat(RedundancyAwareSelection.select(scores, vectors, new int[] {30, 41, 10}, 100, 50, 1.0, 0.3,
                0.85, 1.0)).containsExactly(0);
        // Without the stop rule the third fills the gap.
        assertThat(RedundancyAwareSelection.select(scores, vectors, new int[] {30, 41, 10}, 100, 50, 1.0, 0.3,
                0.85, 0.0)).containsExactly(0, 2);
        // The hard maximum always holds.
        assertThat(RedundancyAwareSelection.select(scores, vectors, new int[] {30, 25, 25}, 54, 50, 1.0, 0.3,
                0.85, 1.0)).containsExactly(0);
    }

    @Test
    void penalisesSimilarityToWhatIsAlreadyChosen() {
        float[] closeToX = unit(1f, 1f, 0f); // cosine 0.71 to X: redundant-ish but not a duplicate
        List<Integer> chosen = RedundancyAwareSelection.select(
                new double[] {0.9, 0.6, 0.5}, new float[][] {X, closeToX, Z}, new int[] {10, 10, 10}, 100);

        assertThat(chosen).containsExactly(0, 2, 1);
    }
}
