package io.precis.inference.summarize;

import io.precis.inference.embed.Vectors;

/** How central each sentence is to what the documents say, scaled to [0, 1]. */
final class Centrality {

    /** Above this many sentences, pairwise similarity costs too much and only the centroid is used. */
    static final int MAX_PAIRWISE = 1500;

    /**
     * Similarities below this add nothing to a sentence's degree: MiniLM gives unrelated sentences of one
     * article cosines around 0.1 to 0.2, and without a floor the degree would only repeat the centroid score.
     */
    private static final double DEGREE_FLOOR = 0.2;

    private Centrality() {
    }

    static double[] of(float[][] vectors, int[] documentOf) {
        double[] toCentroid = scaleToUnitRange(similarityToCentroid(vectors, documentOf));
        if (vectors.length > MAX_PAIRWISE) {
            return toCentroid;
        }
        double[] degree = scaleToUnitRange(degree(vectors));
        double[] combined = new double[vectors.length];
        for (int i = 0; i < combined.length; i++) {
            combined[i] = 0.5 * toCentroid[i] + 0.5 * degree[i];
        }
        return combined;
    }

    /** Cosine to the mean of the per-document centroids, so that a long document does not drown out short ones. */
    private static double[] similarityToCentroid(float[][] vectors, int[] documentOf) {
        int dimensions = vectors[0].length;
        int documents = 0;
        for (int document : documentOf) {
            documents = Math.max(documents, document + 1);
        }
        double[][] documentSums = new double[documents][dimensions];
        for (int i = 0; i < vectors.length; i++) {
            double[] sum = documentSums[documentOf[i]];
            for (int d = 0; d < dimensions; d++) {
                sum[d] += vectors[i][d];
            }
        }
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
        double[] similarity = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            similarity[i] = Vectors.cosine(vectors[i], unitCentroid);
        }
        return similarity;
    }

    /** LexRank-style degree: the summed similarity, above the floor, to every other sentence. */
    private static double[] degree(float[][] vectors) {
        double[] degree = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            for (int j = i + 1; j < vectors.length; j++) {
                double excess = Vectors.cosine(vectors[i], vectors[j]) - DEGREE_FLOOR;
                if (excess > 0) {
                    degree[i] += excess;
                    degree[j] += excess;
                }
            }
        }
        return degree;
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
