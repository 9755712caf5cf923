package io.precis.app.research;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.inference.research.Report;

/** SQL for research jobs, their finished steps, sources and log. */
@Repository
class ResearchStore {
    private static final String JOB_COLUMNS = "id, owner, question, depth, breadth, options, status, progress, provider, "
            + "cancel_requested, failure_reason, report, attempts, created_at, updated_at, started_at, finished_at, request_id";
    private static final String RUNNING = "('planning', 'searching', 'reading', 'writing')";

    /** A finished step's output and how long it took. */
    record Step(String name, int ordinal, JsonNode output, long millis, Instant finishedAt) {
    }

    record LogLine(long id, Instant at, String message) {
    }

    record Claim(UUID id, int attempts, String requestId) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ResearchStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String owner, String question, int depth, int breadth, String collection, SourceOptions sources,
                String provider, String requestId) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("collection", collection);
        options.put("sources", sources);
        jdbc.update("INSERT INTO research_jobs (id, owner, question, depth, breadth, options, provider, status, request_id) "
                + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, 'queued', ?)", id, owner, question, depth, breadth, write(options), provider,
                requestId);
    }

    Optional<ResearchJob> find(UUID id) {
        return jdbc.query("SELECT " + JOB_COLUMNS + " FROM research_jobs WHERE id = ?", this::job, id).stream().findFirst();
    }

    List<ResearchJob> list(String owner, int limit) {
        if (owner == null) {
            return jdbc.query("SELECT " + JOB_COLUMNS + " FROM research_jobs ORDER BY created_at DESC LIMIT ?", this::job, limit);
        }
        return jdbc.query("SELECT " + JOB_COLUMNS + " FROM research_jobs WHERE owner = ? ORDER BY created_at DESC LIMIT ?",
                this::job, owner, limit);
    }

    /**
     * Claims the oldest queued job, or a running one whose lease ran out (its instance stopped), for {@code worker};
     * {@code SKIP LOCKED} lets several instances claim from the same table without waiting on each other.
     */
    Optional<Claim> claim(String worker, long leaseMillis) {
        return jdbc.query("UPDATE research_jobs SET lease_owner = ?, lease_until = now() + ? * interval '1 millisecond', "
                        + "attempts = attempts + 1, status = CASE WHEN status = 'queued' THEN 'planning' ELSE status END, "
                        + "started_at = coalesce(started_at, now()), updated_at = now() "
                        + "WHERE id = (SELECT id FROM research_jobs WHERE status = 'queued' OR (status IN " + RUNNING
                        + " AND lease_until < now()) ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id, attempts, request_id",
                (rs, n) -> new Claim(rs.getObject("id", UUID.class), rs.getInt("attempts"), rs.getString("request_id")),
                worker, leaseMillis).stream().findFirst();
    }

    /** Extends the lease of the jobs {@code worker} holds; false for a job it no longer holds. */
    boolean renew(UUID id, String worker, long leaseMillis) {
        return jdbc.update("UPDATE research_jobs SET lease_until = now() + ? * interval '1 millisecond' WHERE id = ? AND lease_owner = ? AND status IN "
                + RUNNING, leaseMillis, id, worker) == 1;
    }

    void releaseLease(UUID id) {
        jdbc.update("UPDATE research_jobs SET lease_until = now() WHERE id = ? AND status IN " + RUNNING, id);
    }

    void progress(UUID id, String status, int progress) {
        jdbc.update("UPDATE research_jobs SET status = ?, progress = ?, updated_at = now() WHERE id = ? AND status IN " + RUNNING,
                status, progress, id);
    }

    void provider(UUID id, String provider) {
        jdbc.update("UPDATE research_jobs SET provider = ? WHERE id = ?", provider, id);
    }

    boolean cancelRequested(UUID id) {
        Boolean b = jdbc.queryForObject("SELECT cancel_requested OR status = 'cancelled' FROM research_jobs WHERE id = ?", Boolean.class, id);
        return Boolean.TRUE.equals(b);
    }

    /** Cancels a queued job at once; flags a running one (its worker stops at the next checkpoint). */
    void requestCancel(UUID id) {
        jdbc.update("UPDATE research_jobs SET status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END, "
                + "finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END, cancel_requested = true, updated_at = now() "
                + "WHERE id = ? AND status NOT IN ('done', 'failed', 'cancelled')", id);
    }

    void finish(UUID id, String status, String reason, Report report) {
        jdbc.update("UPDATE research_jobs SET status = ?, failure_reason = ?, report = ?::jsonb, progress = CASE WHEN ? = 'done' THEN 100 ELSE progress END, "
                        + "lease_owner = NULL, lease_until = NULL, finished_at = now(), updated_at = now() WHERE id = ?",
                status, reason, report == null ? null : write(report), status, id);
    }

    void finishStep(UUID id, String name, int ordinal, Object output, long millis) {
        jdbc.update("INSERT INTO research_steps (job_id, name, ordinal, output, millis) VALUES (?, ?, ?, ?::jsonb, ?) "
                + "ON CONFLICT (job_id, name) DO NOTHING", id, name, ordinal, write(output), millis);
    }

    Map<String, Step> steps(UUID id) {
        Map<String, Step> steps = new LinkedHashMap<>();
        jdbc.query("SELECT name, ordinal, output, millis, finished_at FROM research_steps WHERE job_id = ? ORDER BY ordinal", rs -> {
            steps.put(rs.getString("name"), new Step(rs.getString("name"), rs.getInt("ordinal"), read(rs.getString("output")),
                    rs.getLong("millis"), instant(rs, "finished_at")));
        }, id);
        return steps;
    }

    void addSource(UUID job, int round, String url, String title, String provider, UUID documentId, String status, String reason) {
        jdbc.update("INSERT INTO research_sources (job_id, round, url, title, provider, document_id, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                job, round, url, title, provider, documentId, status, reason);
    }

    List<ResearchSource> sources(UUID job, long afterId) {
        return jdbc.query("SELECT id, round, url, title, provider, document_id, status, reason, read_at FROM research_sources "
                + "WHERE job_id = ? AND id > ? ORDER BY id", (rs, n) -> new ResearchSource(rs.getLong("id"), rs.getInt("round"),
                rs.getString("url"), rs.getString("title"), rs.getString("provider"), rs.getObject("document_id", UUID.class),
                rs.getString("status"), rs.getString("reason"), instant(rs, "read_at")), job, afterId);
    }

    void log(UUID job, String message) {
        jdbc.update("INSERT INTO research_log (job_id, message) VALUES (?, ?)", job, message);
    }

    List<LogLine> log(UUID job, long afterId) {
        return jdbc.query("SELECT id, at, message FROM research_log WHERE job_id = ? AND id > ? ORDER BY id",
                (rs, n) -> new LogLine(rs.getLong("id"), instant(rs, "at"), rs.getString("message")), job, afterId);
    }

    ResearchFeedback addFeedback(UUID job, String author, Integer rating, String thumb, String comment) {
        return jdbc.queryForObject("INSERT INTO research_feedback (job_id, author, rating, thumb, comment) VALUES (?, ?, ?, ?, ?) "
                + "RETURNING id, job_id, rating, thumb, comment, created_at", this::feedbackRow, job, author, rating, thumb, comment);
    }

    List<ResearchFeedback> feedback(UUID job) {
        return jdbc.query("SELECT id, job_id, rating, thumb, comment, created_at FROM research_feedback WHERE job_id = ? ORDER BY id",
                this::feedbackRow, job);
    }

    private ResearchFeedback feedbackRow(ResultSet rs, int n) throws SQLException {
        return new ResearchFeedback(rs.getLong("id"), rs.getObject("job_id", UUID.class), rs.getObject("rating", Integer.class),
                rs.getString("thumb"), rs.getString("comment"), instant(rs, "created_at"));
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT status, count(*) AS n FROM research_jobs GROUP BY status", rs -> {
            counts.put(rs.getString("status"), rs.getLong("n"));
        });
        return counts;
    }

    private ResearchJob job(ResultSet rs, int n) throws SQLException {
        JsonNode options = read(rs.getString("options"));
        String reportJson = rs.getString("report");
        try {
            SourceOptions sources = options.hasNonNull("sources") ? json.treeToValue(options.get("sources"), SourceOptions.class) : SourceOptions.none();
            Report report = reportJson == null ? null : json.readValue(reportJson, Report.class);
            return new ResearchJob(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("question"), rs.getInt("depth"),
                    rs.getInt("breadth"), options.path("collection").isTextual() ? options.get("collection").asText() : null, sources,
                    rs.getString("status"), rs.getInt("progress"), rs.getString("provider"), rs.getBoolean("cancel_requested"),
                    rs.getString("failure_reason"), report, rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "updated_at"),
                    instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("request_id"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable research job " + rs.getString("id"), e);
        }
    }

    JsonNode read(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
