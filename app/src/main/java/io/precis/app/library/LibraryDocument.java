package io.precis.app.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A document of the Library as the API shows it.
 *
 * @param status     {@code queued}, {@code processing}, {@code ready} or {@code failed}
 * @param progress   0 to 100 while it is ingested; 100 when ready
 * @param reason     why it failed (a sentence for people), else null
 * @param duplicateOf when it failed as a duplicate (a URL whose content was already in the collection): the
 *                   document it duplicates
 * @param sourceType {@code upload}, {@code url} or {@code text}
 * @param format     {@code pdf}, {@code html}, {@code docx}, {@code markdown} or {@code text}; null until known
 * @param contentHash SHA-256 of the bytes received (null until a URL has been fetched)
 * @param chars      characters of the extracted text (null until ready)
 */
public record LibraryDocument(UUID id, String title, String collection, List<String> tags, String status, int progress,
                              String reason, UUID duplicateOf, String owner, String sourceType, String sourceUrl,
                              String fileName, String mediaType, String format, String contentHash, Long sizeBytes,
                              Integer chars, int chunkCount, Instant createdAt, Instant updatedAt, Instant readyAt) {

    public static final String QUEUED = "queued";
    public static final String PROCESSING = "processing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    public boolean isReady() {
        return READY.equals(status);
    }

    public boolean isFinished() {
        return READY.equals(status) || FAILED.equals(status);
    }
}
