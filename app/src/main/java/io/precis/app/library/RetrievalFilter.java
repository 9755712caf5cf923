package io.precis.app.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which chunks a retrieval may return. Every field is optional (null or empty: no restriction).
 *
 * @param owner      only documents of this owner (null: everyone's, for operators and jobs)
 * @param collection only documents of this collection
 * @param tag        only documents with this tag
 * @param documents  only these documents
 * @param from       only documents added at or after this instant
 * @param to         only documents added before this instant
 */
public record RetrievalFilter(String owner, String collection, String tag, List<UUID> documents, Instant from, Instant to) {

    public RetrievalFilter {
        documents = documents == null ? List.of() : List.copyOf(documents);
        collection = blankToNull(collection);
        tag = blankToNull(tag);
    }

    /** What the viewer may see: their own documents, or everyone's for operators. */
    public static RetrievalFilter visibleTo(Viewer viewer) {
        return new RetrievalFilter(viewer.seesAll() ? null : viewer.name(), null, null, List.of(), null, null);
    }

    /** No restriction at all (server-side jobs and evaluation). */
    public static RetrievalFilter everything() {
        return new RetrievalFilter(null, null, null, List.of(), null, null);
    }

    public RetrievalFilter inCollection(String c) {
        return new RetrievalFilter(owner, c, tag, documents, from, to);
    }

    public RetrievalFilter withTag(String t) {
        return new RetrievalFilter(owner, collection, t, documents, from, to);
    }

    public RetrievalFilter inDocuments(List<UUID> ids) {
        return new RetrievalFilter(owner, collection, tag, ids, from, to);
    }

    public RetrievalFilter addedBetween(Instant since, Instant until) {
        return new RetrievalFilter(owner, collection, tag, documents, since, until);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
