package io.precis.inference.research;

/**
 * A retrieved passage a report may cite.
 *
 * @param sourceId  the document it belongs to (what the bibliography lists)
 * @param passageId the stored passage (chunk) id
 * @param start     where the passage starts in the document's text
 * @param text      the passage, exactly as stored
 * @param relevance how well it matched the sub-question (higher is better)
 */
public record Evidence(String sourceId, long passageId, int start, int end, String text, double relevance) {
}
