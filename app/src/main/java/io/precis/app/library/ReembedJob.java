package io.precis.app.library;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.precis.inference.embed.Embedder;

/**
 * Re-embeds the chunks whose embedding was made by another model or model version than the current embedder's
 * (or that have none), in batches, in the background; one run at a time. Search keeps working meanwhile (chunks
 * not yet re-embedded are compared with vectors of the old model until they are). Start it after changing the
 * embedding model: {@code POST /api/v1/admin/library/reembed}.
 */
@Service
public class ReembedJob {
    private static final Logger log = LoggerFactory.getLogger(ReembedJob.class);
    static final int BATCH = 128;

    /**
     * @param state {@code idle} (never run), {@code running}, {@code done} or {@code failed}
     * @param total chunks to re-embed when the run started
     * @param done  chunks re-embedded so far
     */
    public record Status(String state, long total, long done, String model, String version, Instant startedAt,
                         Instant finishedAt, String error) {
    }

    private final JdbcTemplate jdbc;
    private final Embedder embedder;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "library-reembed");
        t.setDaemon(true);
        return t;
    });
    private volatile Status status;

    ReembedJob(JdbcTemplate jdbc, Embedder embedder) {
        this.jdbc = jdbc;
        this.embedder = embedder;
        this.status = new Status("idle", 0, 0, embedder.modelName(), embedder.modelVersion(), null, null, null);
    }

    /** How many chunks have an embedding of another model or version, or none. */
    public long stale() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM chunks WHERE " + STALE, Long.class, embedder.modelName(), embedder.modelVersion());
        return n == null ? 0 : n;
    }

    /** Starts a run in the background, or returns the one already running. */
    public synchronized Status start() {
        if ("running".equals(status.state())) return status;
        long total = stale();
        status = new Status("running", total, 0, embedder.modelName(), embedder.modelVersion(), Instant.now(), null, null);
        runner.execute(this::run);
        return status;
    }

    public Status status() {
        return status;
    }

    /** Runs to the end in the caller's thread; returns how many chunks were re-embedded. */
    public long runNow() {
        synchronized (this) {
            if ("running".equals(status.state())) throw new IllegalStateException("a re-embed run is already going");
            status = new Status("running", stale(), 0, embedder.modelName(), embedder.modelVersion(), Instant.now(), null, null);
        }
        run();
        return status.done();
    }

    private static final String STALE = "(embedding IS NULL OR embedding_model IS DISTINCT FROM ? OR embedding_version IS DISTINCT FROM ?)";

    private record Row(long id, String text) {
    }

    private void run() {
        String model = embedder.modelName();
        String version = embedder.modelVersion();
        long done = 0;
        long lastId = 0;
        try {
            while (true) {
                List<Row> rows = jdbc.query("SELECT id, text FROM chunks WHERE " + STALE + " AND id > ? ORDER BY id LIMIT ?",
                        (rs, n) -> new Row(rs.getLong(1), rs.getString(2)), model, version, lastId, BATCH);
                if (rows.isEmpty()) break;
                float[][] vectors = embedder.embed(rows.stream().map(Row::text).toList());
                Object[][] updates = new Object[rows.size()][];
                for (int i = 0; i < rows.size(); i++) {
                    updates[i] = new Object[]{PgVectors.literal(vectors[i]), model, version, rows.get(i).id()};
                }
                jdbc.batchUpdate("UPDATE chunks SET embedding = ?::vector, embedding_model = ?, embedding_version = ? WHERE id = ?",
                        java.util.Arrays.asList(updates));
                done += rows.size();
                lastId = rows.get(rows.size() - 1).id();
                Status s = status;
                status = new Status("running", Math.max(s.total(), done), done, model, version, s.startedAt(), null, null);
            }
            Status s = status;
            status = new Status("done", Math.max(s.total(), done), done, model, version, s.startedAt(), Instant.now(), null);
            log.info("Re-embedded {} chunks with {} {}", done, model, version);
        } catch (RuntimeException e) {
            Status s = status;
            status = new Status("failed", s.total(), done, model, version, s.startedAt(), Instant.now(), e.getMessage());
            log.error("Re-embedding failed after {} chunks", done, e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
