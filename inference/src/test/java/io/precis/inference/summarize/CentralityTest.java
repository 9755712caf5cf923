package io.precis.inference.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CentralityTest {

    /** Vectors near a shared topic direction, plus noise; the last one is unrelated. */
    private static float[][] topicalVectors(int n, long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[n][16];
        for (int i = 0; i < n; i++) {
            double topicWeight = i == n - 1 ? 0 : 1 + random.nextDouble();
            double sumOfSquares = 0;
            for (int d = 0; d < 16; d++) {
                double value = (d == 0 ? topicWeight : 0) + random.nextGaussian() * 0.3;
                vectors[i][d] = (float) value;
                sumOfSquares += value * value;
            }
            for (int d = 0; d < 16; d++) {
                vectors[i][d] /= (float) Math.sqrt(sumOfSquares);
            }
        }
        return vectors;
    }

    @Test
    void anUnrelatedSentenceIsLeastCentral() {
        float[][] vectors = topicalVectors(40, 1);

        double[] centrality = Centrality.of(vectors, new int[40]);

        assertThat(Arrays.stream(centrality)).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
        assertThat(centrality[39]).isEqualTo(0.0);
    }

    @Test
    void largeInputsUseTheCentroidOnly() {
        int n = Centrality.MAX_PAIRWISE + 100;
        float[][] vectors = topicalVectors(n, 2);
        int[] documentOf = new int[n];
        for (int i = 0; i < n; i++) {
            documentOf[i] = i % 3;
        }

        double[] centrality = Centrality.of(vectors, documentOf);

        assertThat(centrality).hasSize(n);
        assertThat(Arrays.stream(centrality)).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
        assertThat(centrality[n - 1]).isLessThan(0.2);
    }

    @Test
    void equalVectorsAreAllFullyCentral() {
        float[][] vectors = {{1f, 0f}, {1f, 0f}};

        assertThat(Centrality.of(vectors, new int[2])).containsExactly(1.0, 1.0);
    }
}
