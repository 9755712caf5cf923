package io.precis.inference.embed;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every text it embedded. Policy tuning summarises the same inputs many times with different weights, and
 * the reward features embed the same sentences again: with this, each sentence is embedded once per run.
 */
public final class MemoizingEmbedder implements Embedder {
    private final Embedder delegate;
    private final Map<String, float[]> memory = new ConcurrentHashMap<>();

    public MemoizingEmbedder(Embedder delegate) {
        this(delegate, Map.of());
    }

    /** Starts out remembering {@code known} (text to vector), e.g. a cache read from disk. */
    public MemoizingEmbedder(Embedder delegate, Map<String, float[]> known) {
        this.delegate = delegate;
        this.memory.putAll(known);
    }

    @Override
    public float[][] embed(List<String> texts) {
        Set<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (!memory.containsKey(text)) missing.add(text);
        }
        if (!missing.isEmpty()) {
            List<String> batch = List.copyOf(missing);
            float[][] vectors = delegate.embed(batch);
            for (int i = 0; i < batch.size(); i++) {
                memory.put(batch.get(i), vectors[i]);
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = memory.get(texts.get(i));
        }
        return out;
    }

    /** Everything remembered so far, text to vector (a read-only view). */
    public Map<String, float[]> remembered() {
        return Collections.unmodifiableMap(memory);
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
