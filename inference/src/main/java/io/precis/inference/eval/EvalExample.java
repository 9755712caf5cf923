package io.precis.inference.eval;

import java.util.List;
import java.util.Objects;

/**
 * One line of an evaluation file ({@code shared/data/eval/README.md}): the documents to summarise and one or more
 * reference summaries (one sentence a line, as ROUGE-Lsum expects).
 *
 * @param line the 1-based line of the file it came from
 */
public record EvalExample(String id, List<String> documents, List<String> references, int line) {

    public EvalExample {
        Objects.requireNonNull(id, "id");
        documents = List.copyOf(documents);
        references = List.copyOf(references);
        if (references.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one reference");
        }
    }
}
