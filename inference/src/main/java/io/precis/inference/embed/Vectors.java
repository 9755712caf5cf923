package io.precis.inference.embed;

/** Small vector helpers for embeddings. */
public final class Vectors {

    private Vectors() {
    }

    /** Cosine similarity of two L2-normalised vectors, which is simply their dot product. */
    public static float cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
        }
        float dot = 0f;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** Scales {@code v} to unit length in place and returns it; a zero vector is left as it is. */
    static float[] normalizeInPlace(float[] v) {
        double sumOfSquares = 0;
        for (float x : v) {
            sumOfSquares += (double) x * x;
        }
        if (sumOfSquares > 0) {
            float scale = (float) (1.0 / Math.sqrt(sumOfSquares));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }
}
