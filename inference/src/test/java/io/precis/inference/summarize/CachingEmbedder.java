package io.precis.inference.summarize;

import io.precis.inference.embed.Embedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of texts it has seen, optionally on disk ({@code file} may be null), so that tests that
 * summarise the same text many times and repeated tuning runs over the dev sets embed each sentence once.
 */
final class CachingEmbedder implements Embedder {

    private final Embedder delegate;
    private final Map<String, float[]> cache = new LinkedHashMap<>();
    private final Path file;
    private int misses;

    /** Remembers in memory only. */
    CachingEmbedder(Embedder delegate) {
        this.delegate = delegate;
        this.file = null;
    }

    CachingEmbedder(Embedder delegate, Path file) throws IOException {
        this.delegate = delegate;
        this.file = file;
        if (file != null && Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String text = in.readUTF();
                    float[] v = new float[in.readInt()];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = in.readFloat();
                    }
                    cache.put(text, v);
                }
            }
        }
    }

    @Override
    public synchronized float[][] embed(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (!cache.containsKey(t) && !missing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            misses += missing.size();
            float[][] vs = delegate.embed(missing);
            for (int i = 0; i < vs.length; i++) {
                cache.put(missing.get(i), vs[i]);
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = cache.get(texts.get(i));
        }
        return out;
    }

    int misses() {
        return misses;
    }

    synchronized void save() throws IOException {
        if (file == null || misses == 0) {
            return;
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            List<Map.Entry<String, float[]>> entries = new ArrayList<>();
            for (Map.Entry<String, float[]> e : cache.entrySet()) {
                if (e.getKey().length() < 20_000) {
                    entries.add(e);
                }
            }
            out.writeInt(entries.size());
            for (Map.Entry<String, float[]> e : entries) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
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
