package io.precis.inference.summarize;

/** Summarises documents. Implementations are thread-safe. */
public interface Summarizer {

    /** @throws IllegalArgumentException if the documents hold no text */
    Summary summarize(SummaryRequest request);

    ModelInfo model();
}
