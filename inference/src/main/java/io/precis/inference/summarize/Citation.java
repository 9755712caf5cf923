package io.precis.inference.summarize;

/**
 * A span of a source document that supports a summary sentence.
 *
 * @param document index into {@link SummaryRequest#documents()}
 * @param start    character offset into that document's text
 * @param end      exclusive end offset
 */
public record Citation(int document, int start, int end) {

    public Citation {
        if (document < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "invalid citation: document " + document + ", span [" + start + ", " + end + ")");
        }
    }
}
