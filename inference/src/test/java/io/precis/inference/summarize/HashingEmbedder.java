package io.precis.inference.summarize;

import io.precis.inference.embed.Embedder;
import java.util.List;
import java.util.Locale;

/** A fast stand-in for MiniLM in tests about size and structure: hashed bag of words, L2-normalised. */
public final class HashingEmbedder implements Embedder {

    private static final int DIMENSIONS = 256;
    private int calls;
    private int texts;

    @Override
    public synchronized float[][] embed(List<String> batch) {
        calls++;
        texts += batch.size();
        float[][] vectors = new float[batch.size()][DIMENSIONS];
        for (int i = 0; i < batch.size(); i++) {
            String text = batch.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("blank text " + i);
            }
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    vectors[i][Math.floorMod(word.hashCode(), DIMENSIONS)] += 1f;
                }
            }
            double norm = 0;
            for (float x : vectors[i]) {
                norm += x * x;
            }
            for (int d = 0; d < DIMENSIONS; d++) {
                vectors[i][d] = norm > 0 ? (float) (vectors[i][d] / Math.sqrt(norm)) : 0f;
            }
        }
        return vectors;
    }

    synchronized int calls() {
        return calls;
    }

    synchronized int texts() {
        return texts;
    }

    @Override
    public String modelName() {
        return "hashing-test";
    }

    @Override
    public String modelVersion() {
        return "1";
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }
}
