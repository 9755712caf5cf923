package io.precis.inference.research;

import java.util.List;

/**
 * A research report: every cited sentence names the bibliography entry {@code [n]} and the passage it was checked
 * against.
 *
 * @param unsupported  cited sentences whose support score is under the threshold (marked in the exports)
 * @param supportRatio the share of cited sentences that are supported (1 when nothing is cited)
 */
public record Report(String title, List<Sentence> summary, List<Section> sections, List<Entry> bibliography,
                     int citedSentences, int unsupported, double supportRatio, String writer) {

    /** One section per sub-question; {@code sentences} is empty when no source answered it. */
    public record Section(String question, List<Sentence> sentences) {
    }

    /**
     * @param citation       the bibliography number, or 0 for an uncited sentence
     * @param passageId      the stored passage the sentence is checked against
     * @param passage        that passage's text
     * @param passageStart   where the passage starts in the document's text
     * @param support        the support score against the passage (0..1)
     */
    public record Sentence(String text, int citation, long passageId, int passageStart, int passageEnd, String passage,
                           double support, boolean supported) {
    }

    /** A bibliography entry; {@code n} counts from 1 in the order of first citation. */
    public record Entry(int n, String sourceId, String title, String url, String readAt) {
    }
}
