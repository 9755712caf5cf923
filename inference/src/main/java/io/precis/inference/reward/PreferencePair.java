package io.precis.inference.reward;

import java.util.List;
import java.util.Objects;

/** Two summaries of the same documents, one preferred by a person. */
public record PreferencePair(List<String> documents, String chosen, String rejected) {

    public PreferencePair {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(rejected, "rejected");
        documents = List.copyOf(documents);
    }
}
