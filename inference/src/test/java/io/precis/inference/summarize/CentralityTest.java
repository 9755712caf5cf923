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
    void eachDocumentWeighsTheSameInTheCentroid() {
        // Nine sentences about X in one document, one about Y in another: the centroid lies halfway.
        float[][] vectors = new float[10][];
        int[] documentOf = new int[10];
        for (int i = 0; i < 9; i++) {
            vectors[i] = new float[] {1f, 0f};
        }
        vectors[9] = new float[] {0f, 1f};
        documentOf[9] = 1;

        float[] centroid = Centrality.centroid(vectors, documentOf);

        assertThat((double) centroid[0]).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat((double) centroid[1]).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Centrality.of(vectors, documentOf)).containsOnly(1.0);
    }

    @Test
    void equalVectorsAreAllFullyCentral() {
        float[][] vectors = {{1f, 0f}, {1f, 0f}};

        assertThat(Centrality.of(vectors, new int[2])).containsExactly(1.0, 1.0);
    }
}
