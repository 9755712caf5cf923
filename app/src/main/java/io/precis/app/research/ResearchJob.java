package io.precis.app.research;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.precis.inference.research.Report;

/**
 * A research job as stored.
 *
 * @param status   {@code queued}, {@code planning}, {@code searching}, {@code reading}, {@code writing}, {@code done},
 *                 {@code failed} or {@code cancelled}
 * @param provider the search provider it uses ({@code searxng}, {@code brave} or {@code library}), once started
 * @param reason   why it failed, or what failed along the way of a job that finished anyway
 * @param report   the report, once done
 * @param requestId the id of the HTTP request that submitted it ({@code X-Request-Id}); its worker logs with it
 */
public record ResearchJob(UUID id, String owner, String question, int depth, int breadth, String collection,
                          SourceOptions sources, String status, int progress, String provider, boolean cancelRequested,
                          String reason, Report report, int attempts, Instant createdAt, Instant updatedAt, Instant startedAt,
                          Instant finishedAt, String requestId) {

    public static final String QUEUED = "queued";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    static final Set<String> RUNNING = Set.of("planning", "searching", "reading", "writing");
    public static final Set<String> STATUSES = Set.of(QUEUED, "planning", "searching", "reading", "writing", DONE, FAILED, CANCELLED);

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
    }
}
