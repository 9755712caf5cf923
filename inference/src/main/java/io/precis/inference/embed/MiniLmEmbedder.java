package io.precis.inference.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions), computed in process with ONNX Runtime through langchain4j.
 * Thread-safe; create one and share it, since loading the model takes about a second.
 */
public final class MiniLmEmbedder implements Embedder {

    static final int BATCH_SIZE = 64;
    private static final int DIMENSIONS = 384;

    private final EmbeddingModel model;

    public MiniLmEmbedder() {
        this.model = new SingleThreadedMiniLm();
        // The first inference sets up ONNX Runtime's buffers and thread pool; pay for it here, not in a request.
        model.embed("warm up");
    }

    @Override
    public float[][] embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text " + i + " is blank; only non-blank texts can be embedded");
            }
            segments.add(TextSegment.from(text));
        }
        float[][] vectors = new float[segments.size()][];
        for (int from = 0; from < segments.size(); from += BATCH_SIZE) {
            List<TextSegment> batch = segments.subList(from, Math.min(from + BATCH_SIZE, segments.size()));
            List<Embedding> embeddings = model.embedAll(batch).content();
            for (int k = 0; k < embeddings.size(); k++) {
                vectors[from + k] = Vectors.normalizeInPlace(embeddings.get(k).vector());
            }
        }
        return vectors;
    }

    @Override
    public String modelName() {
        return "all-minilm-l6-v2";
    }

    @Override
    public String modelVersion() {
        return "onnx-1";
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }
}
