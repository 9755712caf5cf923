package io.precis.inference.summarize;

import java.util.List;
import java.util.Objects;

/** What to summarise and how long the summary may be. Citations refer to documents by their index here. */
public record SummaryRequest(List<SourceDocument> documents, LengthTarget length) {

    public SummaryRequest {
        documents = List.copyOf(Objects.requireNonNull(documents, "documents"));
        Objects.requireNonNull(length, "length");
    }
}
