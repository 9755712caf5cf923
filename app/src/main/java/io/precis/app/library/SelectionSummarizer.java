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
}
