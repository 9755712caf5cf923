package io.precis.app.library;

import java.util.List;
import java.util.UUID;

/**
 * Summarises documents selected in the Library ("summarise selected"). The summary feature implements it, so the
 * Library does not depend on it (the summary feature depends on the Library for question-focused summaries).
 */
public interface SelectionSummarizer {

    /** A selected document with its extracted text. */
    record SelectedDocument(UUID id, String title, String text) {
    }

    /**
     * Summarises the documents for {@code owner}, with citations into them, and returns the route that shows the
     * result (for example {@code history/<id>}).
     *
     * @throws org.springframework.web.ErrorResponseException with a 4xx status and a readable detail for input the
     *                                                        summariser refuses (too many or too long documents)
     */
    String summarize(List<SelectedDocument> documents, String owner);

    /**
     * A question-focused summary for {@code owner}: the Library passages that best answer {@code question} (within
     * {@code collection} when not null), summarised with citations into them; returns the route that shows it. Reads
     * what the current security context may see, so call it with that context.
     *
     * @throws org.springframework.web.ErrorResponseException with a 4xx status when nothing matches or the question is
     *                                                        too long
     */
    String summarizeQuestion(String question, String collection, String owner);
}
