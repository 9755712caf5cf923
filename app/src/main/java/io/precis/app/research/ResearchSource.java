package io.precis.app.research;

import java.time.Instant;
import java.util.UUID;

/**
 * A source a job found: read (fetched and ingested into the job's collection), duplicate (already in the Library),
 * library (found there), failed (with the reason) or skipped (robots.txt, domain or date rules).
 */
public record ResearchSource(long id, int round, String url, String title, String provider, UUID documentId, String status,
                             String reason, Instant readAt) {
    static final String READ = "read";
    static final String DUPLICATE = "duplicate";
    static final String LIBRARY = "library";
    static final String FAILED = "failed";
    static final String SKIPPED = "skipped";

    boolean usable() {
        return documentId != null && !FAILED.equals(status) && !SKIPPED.equals(status);
    }
}
