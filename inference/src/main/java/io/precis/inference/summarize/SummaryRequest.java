package io.precis.inference.summarize;

import java.util.List;
import java.util.Objects;

/**
 * What to summarise, how long the summary may be and which strategy to use. Citations refer to documents by their
 * index here.
 */
public record SummaryRequest(List<SourceDocument> documents, LengthTarget length, Mode mode) {

    public SummaryRequest {
        documents = List.copyOf(Objects.requireNonNull(documents, "documents"));
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(mode, "mode");
    }

    public SummaryRequest(List<SourceDocument> documents, LengthTarget length) {
        this(documents, length, Mode.AUTO);
    }
}
