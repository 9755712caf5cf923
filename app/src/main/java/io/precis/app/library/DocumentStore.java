package io.precis.app.library;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for documents, their pending sources and their chunks (JDBC: pgvector and tsvector are not JPA's). */
@Repository
class DocumentStore {
    static final String COLUMNS = "d.id, d.title, d.collection, d.tags, d.status, d.progress, d.failure_reason, d.duplicate_of, "
            + "d.owner, d.source_type, d.source_url, d.file_name, d.media_type, d.format, d.content_hash, d.size_bytes, "
            + "d.char_count, d.chunk_count, d.created_at, d.updated_at, d.ready_at";

    /** A chunk ready to be stored, with its embedding. */
    record NewChunk(int ordinal, int start, int end, String text, int tokens, float[] embedding) {
    }

    /** What the ingestion found out before storing the chunks. */
    record Ingested(String title, String text, String format, List<NewChunk> chunks, String model, String version) {
    }

    private final JdbcTemplate jdbc;

    DocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String owner, String title, boolean titleGiven, String collection, List<String> tags, String sourceType,
                String sourceUrl, String fileName, String mediaType, String format, String contentHash, Long sizeBytes) {
        jdbc.update("INSERT INTO documents (id, owner, title, title_given, collection, tags, source_type, source_url, file_name, "
                        + "media_type, format, content_hash, size_bytes, status, progress) "
                        + "VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, 'queued', 0)",
                id, owner, title, titleGiven, collection, tags.toArray(String[]::new), sourceType, sourceUrl, fileName, mediaType,
                format, contentHash, sizeBytes);
    }

    boolean titleGiven(UUID id) {
        return Boolean.TRUE.equals(jdbc.query("SELECT title_given FROM documents WHERE id = ?", (rs, n) -> rs.getBoolean(1), id)
                .stream().findFirst().orElse(false));
    }

    void saveSource(UUID id, byte[] content) {
        jdbc.update("INSERT INTO document_sources (document_id, content) VALUES (?, ?)", id, content);
    }

    Optional<byte[]> source(UUID id) {
        return jdbc.query("SELECT content FROM document_sources WHERE document_id = ?", (rs, n) -> rs.getBytes(1), id)
                .stream().findFirst();
    }

    void deleteSource(UUID id) {
        jdbc.update("DELETE FROM document_sources WHERE document_id = ?", id);
    }

    Optional<LibraryDocument> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM documents d WHERE d.id = ?", DOCUMENT, id).stream().findFirst();
    }

    /** A live (not failed) document of the owner in the collection with this content, other than {@code except}. */
    Optional<LibraryDocument> findDuplicate(String owner, String collection, String contentHash, UUID except) {
        return jdbc.query("SELECT " + COLUMNS + " FROM documents d WHERE d.owner = ? AND d.collection = ? AND d.content_hash = ? "
                        + "AND d.status <> 'failed' AND d.id <> ? ORDER BY d.created_at LIMIT 1",
                DOCUMENT, owner, collection, contentHash, except == null ? new UUID(0, 0) : except).stream().findFirst();
    }

    /** A live (not failed) document of the owner in the collection added from this URL. */
    Optional<LibraryDocument> findByUrl(String owner, String collection, String url) {
        return jdbc.query("SELECT " + COLUMNS + " FROM documents d WHERE d.owner = ? AND d.collection = ? AND d.source_type = 'url' "
                        + "AND d.source_url = ? AND d.status <> 'failed' ORDER BY d.created_at LIMIT 1",
                DOCUMENT, owner, collection, url).stream().findFirst();
    }

    DocumentPage page(Viewer viewer, String collection, String status, String titleContains, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (!viewer.seesAll()) {
            where.append(" AND d.owner = ?");
            args.add(viewer.name());
        }
        if (collection != null) {
            where.append(" AND d.collection = ?");
            args.add(collection);
        }
        if (status != null) {
            where.append(" AND d.status = ?");
            args.add(status);
        }
        if (titleContains != null && !titleContains.isBlank()) {
            where.append(" AND d.title ILIKE ?");
            args.add("%" + titleContains.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM documents d" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<LibraryDocument> items = jdbc.query("SELECT " + COLUMNS + " FROM documents d" + where
                + " ORDER BY d.created_at DESC, d.id LIMIT ? OFFSET ?", DOCUMENT, pageArgs.toArray());
        return new DocumentPage(items, page, size, total == null ? 0 : total);
    }

    List<String> collections(Viewer viewer) {
        return viewer.seesAll()
                ? jdbc.queryForList("SELECT DISTINCT collection FROM documents ORDER BY collection", String.class)
                : jdbc.queryForList("SELECT DISTINCT collection FROM documents WHERE owner = ? ORDER BY collection", String.class, viewer.name());
    }

    /** Takes a queued document for processing; false when another worker has it or it is gone. */
    boolean claim(UUID id) {
        return jdbc.update("UPDATE documents SET status = 'processing', progress = 1, updated_at = now() "
                + "WHERE id = ? AND status = 'queued'", id) == 1;
    }

    /** Back to queued, for work interrupted by a restart. */
    void requeue(UUID id) {
        jdbc.update("UPDATE documents SET status = 'queued', progress = 0, updated_at = now() WHERE id = ? AND status IN ('queued', 'processing')", id);
    }

    /** Queued work not touched for a while (left by a stopped instance), oldest first. */
    List<UUID> stalled(int queuedSeconds, int processingSeconds) {
        return jdbc.queryForList("SELECT id FROM documents WHERE (status = 'queued' AND updated_at < now() - make_interval(secs => ?)) "
                + "OR (status = 'processing' AND updated_at < now() - make_interval(secs => ?)) ORDER BY created_at", UUID.class,
                queuedSeconds, processingSeconds);
    }

    /** False when the document is gone (deleted while it was ingested). */
    boolean progress(UUID id, int percent) {
        return jdbc.update("UPDATE documents SET progress = ?, updated_at = now() WHERE id = ? AND status = 'processing'",
                Math.max(0, Math.min(99, percent)), id) == 1;
    }

    /** Records what a URL answered; throws DuplicateKeyException when the content is already in the collection. */
    void fetched(UUID id, String contentHash, long size, String mediaType, String format) {
        jdbc.update("UPDATE documents SET content_hash = ?, size_bytes = ?, media_type = ?, format = ?, updated_at = now() "
                + "WHERE id = ?", contentHash, size, mediaType, format, id);
    }

    void fail(UUID id, String reason, UUID duplicateOf) {
        jdbc.update("UPDATE documents SET status = 'failed', failure_reason = ?, duplicate_of = ?, updated_at = now() WHERE id = ?",
                reason, duplicateOf, id);
        deleteSource(id);
    }

    /** Stores the chunks and marks the document ready, in the caller's transaction; false when it is gone. */
    boolean ready(UUID id, Ingested ingested) {
        int updated = jdbc.update("UPDATE documents SET status = 'ready', progress = 100, failure_reason = NULL, title = ?, "
                        + "text = ?, format = ?, char_count = ?, chunk_count = ?, updated_at = now(), ready_at = now() "
                        + "WHERE id = ? AND status = 'processing'",
                ingested.title(), ingested.text(), ingested.format(), ingested.text().length(), ingested.chunks().size(), id);
        if (updated != 1) return false;
        jdbc.update("DELETE FROM chunks WHERE document_id = ?", id);
        jdbc.batchUpdate("INSERT INTO chunks (document_id, ordinal, start_offset, end_offset, text, token_count, embedding, "
                        + "embedding_model, embedding_version) VALUES (?, ?, ?, ?, ?, ?, ?::vector, ?, ?)",
                ingested.chunks(), 256, (ps, c) -> {
                    ps.setObject(1, id);
                    ps.setInt(2, c.ordinal());
                    ps.setInt(3, c.start());
                    ps.setInt(4, c.end());
                    ps.setString(5, c.text());
                    ps.setInt(6, c.tokens());
                    ps.setString(7, PgVectors.literal(c.embedding()));
                    ps.setString(8, ingested.model());
                    ps.setString(9, ingested.version());
                });
        deleteSource(id);
        return true;
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM documents WHERE id = ?", id) == 1;
    }

    List<DocumentChunk> chunks(UUID id) {
        return jdbc.query("SELECT id, ordinal, start_offset, end_offset, text, token_count, embedding_model, embedding_version "
                        + "FROM chunks WHERE document_id = ? ORDER BY ordinal",
                (rs, n) -> new DocumentChunk(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8)), id);
    }

    Optional<String> text(UUID id) {
        return jdbc.query("SELECT text FROM documents WHERE id = ?", (rs, n) -> rs.getString(1), id).stream()
                .filter(t -> t != null).findFirst();
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.query("SELECT status, count(*) FROM documents GROUP BY status", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    long chunkCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM chunks", Long.class);
        return n == null ? 0 : n;
    }

    static final RowMapper<LibraryDocument> DOCUMENT = (rs, n) -> new LibraryDocument(
            rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("collection"), tags(rs.getArray("tags")),
            rs.getString("status"), rs.getInt("progress"), rs.getString("failure_reason"), rs.getObject("duplicate_of", UUID.class),
            rs.getString("owner"), rs.getString("source_type"), rs.getString("source_url"), rs.getString("file_name"),
            rs.getString("media_type"), rs.getString("format"), rs.getString("content_hash"), (Long) rs.getObject("size_bytes"),
            (Integer) rs.getObject("char_count"), rs.getInt("chunk_count"), instant(rs, "created_at"), instant(rs, "updated_at"),
            instant(rs, "ready_at"));

    private static List<String> tags(Array array) throws SQLException {
        if (array == null) return List.of();
        return Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
