package io.precis.inference.embed;

import java.util.List;

/** Turns texts into sentence embeddings. Implementations are thread-safe. */
public interface Embedder {

    /**
     * Embeds every text; vector {@code i} belongs to {@code texts.get(i)}. Vectors are L2-normalised, so
     * {@link Vectors#cosine} is their dot product.
     *
     * @throws IllegalArgumentException if a text is null or blank
     */
    float[][] embed(List<String> texts);

    String modelName();

    String modelVersion();

    int dimensions();
}
