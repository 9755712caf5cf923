package io.precis.inference.summarize;

import io.precis.inference.embed.Vectors;

/**
 * How central each sentence is to what the documents say: its cosine to the centroid, scaled to [0, 1]. Linear in
 * the number of sentences. (A LexRank-style degree over all pairs was tried as well; on the dev sets it added
 * nothing to the centroid and term frequency, and it costs O(n^2).)
 */
final class Centrality {

    private Centrality() {
    }

    /** Centrality against the mean of the per-document centroids, see {@link #centroid}. */
    static double[] of(float[][] vectors, int[] documentOf) {
        return of(vectors, centroid(vectors, documentOf));
    }

    /** The cosine of each vector to {@code centroid}, scaled to [0, 1]. */
    static double[] of(float[][] vectors, float[] centroid) {
        double[] similarity = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            similarity[i] = Vectors.cosine(vectors[i], centroid);
        }
        return scaleToUnitRange(similarity);
    }

    /**
     * The unit mean of the per-document centroids, so that a long document does not drown out short ones.
     * {@code documentOf} numbers documents from 0; numbers without vectors are ignored.
     */
    static float[] centroid(float[][] vectors, int[] documentOf) {
        int documents = 0;
        for (int document : documentOf) {
            documents = Math.max(documents, document + 1);
        }
        return centroidOfSums(documentSums(vectors, documentOf, new double[documents][vectors[0].length]));
    }

    /** Adds each vector to its document's sum, growing nothing: {@code sums} must have a row per document. */
    static double[][] documentSums(float[][] vectors, int[] documentOf, double[][] sums) {
        for (int i = 0; i < vectors.length; i++) {
            double[] sum = sums[documentOf[i]];
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vectors[i][d];
            }
        }
        return sums;
    }

    /** The unit mean of the unit-length rows of {@code documentSums}; rows of zeros are skipped. */
    static float[] centroidOfSums(double[][] documentSums) {
        int dimensions = documentSums[0].length;
        double[] centroid = new double[dimensions];
        for (double[] sum : documentSums) {
            double norm = norm(sum);
            if (norm > 0) {
                for (int d = 0; d < dimensions; d++) {
                    centroid[d] += sum[d] / norm;
                }
            }
        }
        float[] unitCentroid = new float[dimensions];
        double norm = norm(centroid);
        for (int d = 0; d < dimensions; d++) {
            unitCentroid[d] = norm > 0 ? (float) (centroid[d] / norm) : 0f;
        }
        return unitCentroid;
    }

    private static double norm(double[] v) {
        double sumOfSquares = 0;
        for (double x : v) {
            sumOfSquares += x * x;
        }
        return Math.sqrt(sumOfSquares);
    }

    /** Min-max scaling; when all values are equal, every sentence gets 1. */
    static double[] scaleToUnitRange(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = range > 1e-9 ? (values[i] - min) / range : 1.0;
        }
        return scaled;
    }
}
