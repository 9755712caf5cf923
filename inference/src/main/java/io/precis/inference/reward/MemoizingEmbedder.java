package io.precis.inference.reward;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.precis.inference.embed.Embedder;

/**
 * Remembers every text it embedded. Policy tuning summarises the same inputs many times with different weights, and
 * the reward features embed the same sentences again: with this, each sentence is embedded once per run.
 */
public final class MemoizingEmbedder implements Embedder {
    private final Embedder delegate;
    private final Map<String, float[]> memory = new ConcurrentHashMap<>();

    public MemoizingEmbedder(Embedder delegate) {
        this.delegate = delegate;
    }

    @Override
    public float[][] embed(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            if (!memory.containsKey(text) && !missing.contains(text)) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            float[][] vectors = delegate.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                memory.put(missing.get(i), vectors[i]);
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = memory.get(texts.get(i));
        }
        return out;
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public String modelVersion() {
        return delegate.modelVersion();
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }
}
