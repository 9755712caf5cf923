package io.precis.inference.summarize;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.precis.inference.embed.Embedder;
import io.precis.inference.embed.MemoizingEmbedder;

/** Keeps a {@link MemoizingEmbedder}'s vectors in a file, so that repeated tuning runs embed each sentence once. */
final class EmbeddingCacheFile {
    private static final int MAX_TEXT_CHARS = 20_000;

    private final Path file;
    private int loaded;

    EmbeddingCacheFile(Path file) {
        this.file = file;
    }

    /** An embedder that starts out remembering what the file holds (nothing when there is no file yet). */
    MemoizingEmbedder open(Embedder delegate) throws IOException {
        Map<String, float[]> known = new HashMap<>();
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String text = in.readUTF();
                    float[] v = new float[in.readInt()];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = in.readFloat();
                    }
                    known.put(text, v);
                }
            }
        }
        loaded = known.size();
        return new MemoizingEmbedder(delegate, known);
    }

    /** Writes what {@code embedder} remembers, when it learned anything since {@link #open}. */
    void save(MemoizingEmbedder embedder) throws IOException {
        Map<String, float[]> remembered = embedder.remembered();
        if (remembered.size() == loaded) {
            return;
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            Map<String, float[]> kept = new HashMap<>();
            remembered.forEach((text, v) -> {
                if (text.length() < MAX_TEXT_CHARS) kept.put(text, v);
            });
            out.writeInt(kept.size());
            for (Map.Entry<String, float[]> e : kept.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
    }
}
