package io.precis.inference.llm;

import io.precis.inference.embed.Embedder;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in for MiniLM where only structure matters: a bag of hashed lower-case words, L2-normalised, so a
 * sentence copied from a source scores 1 against it and a sentence sharing no word scores 0.
 */
final class WordEmbedder implements Embedder {

    private static final int DIMENSIONS = 256;

    @Override
    public float[][] embed(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            float[] v = new float[DIMENSIONS];
            for (String word : texts.get(i).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
                }
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] = norm == 0 ? 0 : (float) (v[d] / Math.sqrt(norm));
            }
            vectors[i] = v;
        }
        return vectors;
    }

    @Override
    public String modelName() {
        return "words";
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
