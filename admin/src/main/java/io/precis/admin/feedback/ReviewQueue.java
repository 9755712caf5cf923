package io.precis.admin.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.admin.audit.AuditLog;
import io.precis.admin.web.Problems;

/** The review queue of feedback: filter, then accept, reject, flag or correct items, one at a time or in bulk. */
@Service
public class ReviewQueue {
    public static final Set<String> LABELS = Set.of("accepted", "rejected", "flagged", "corrected");

    /**
     * Which feedback to show; null fields do not filter. {@code modelVersion} matches "name:version" or a part of it;
     * {@code text} a part of the comment or of the judged summary (case-insensitive).
     */
    public record Filter(String modelVersion, Integer rating, Instant from, Instant to, boolean flaggedOnly,
            boolean unlabelledOnly, String text, int limit) {
        public static Filter all() {
            return new Filter(null, null, null, null, false, false, null, 200);
        }
    }

    /** A feedback item with what it judged (from its snapshot) and its review state. */
    public record ReviewItem(long id, UUID summaryId, String author, Integer rating, String thumb, String comment,
            String modelVersion, String strategy, String summary, String input, String label, String correctedText,
            Instant createdAt) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final PreferencePairs pairs;

    ReviewQueue(JdbcTemplate jdbc, ObjectMapper json, AuditLog audit, PreferencePairs pairs) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.pairs = pairs;
    }

    public List<ReviewItem> list(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                select id, summary_id, author, rating, thumb, comment,
                       (snapshot->'model'->>'name') || ':' || (snapshot->'model'->>'version'), snapshot->>'strategy',
                       snapshot->>'summary', left(coalesce(snapshot->'documents'->0->>'text', ''), 300), label,
                       corrected_text, created_at
                from feedback where true""");
        List<Object> args = new ArrayList<>();
        if (filter.modelVersion() != null && !filter.modelVersion().isBlank()) {
            sql.append(" and lower((snapshot->'model'->>'name') || ':' || (snapshot->'model'->>'version')) like ?");
            args.add("%" + filter.modelVersion().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.rating() != null) {
            sql.append(" and rating = ?");
            args.add(filter.rating());
        }
        if (filter.from() != null) {
            sql.append(" and created_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and created_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (strpos(lower(coalesce(comment, '')), ?) > 0 or strpos(lower(coalesce(snapshot->>'summary', '')), ?) > 0)");
            String needle = filter.text().strip().toLowerCase(Locale.ROOT);
            args.add(needle);
            args.add(needle);
        }
        if (filter.flaggedOnly()) sql.append(" and label = 'flagged'");
        if (filter.unlabelledOnly()) sql.append(" and label is null");
        sql.append(" order by created_at desc, id desc limit ?");
        args.add(Math.max(1, Math.min(filter.limit(), 1000)));
        return jdbc.query(sql.toString(), (rs, n) -> new ReviewItem(rs.getLong(1), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getTimestamp(13).toInstant()), args.toArray());
    }

    /**
     * Labels feedback items. A correction needs the corrected text and adds a preference pair (correction over the
     * original summary); it applies to one item at a time.
     *
     * @return how many items were labelled
     */
    @Transactional
    public int label(List<Long> ids, String label, String correctedText, String actor) {
        if (ids == null || ids.isEmpty()) throw Problems.badRequest("Give the feedback 'ids' to label.");
        if (label == null || !LABELS.contains(label)) {
            throw Problems.badRequest("'label' must be one of " + LABELS.stream().sorted().toList() + ".");
        }
        boolean correcting = label.equals("corrected");
        if (correcting && (ids.size() != 1 || correctedText == null || correctedText.isBlank())) {
            throw Problems.badRequest("A correction applies to one feedback item and needs the 'correctedText'.");
        }
        int done = 0;
        for (Long id : ids) {
            var rows = jdbc.queryForList("select summary_id, label, snapshot::text from feedback where id = ? for update", id);
            if (rows.isEmpty()) throw Problems.notFound("feedback", id);
            Map<String, Object> row = rows.get(0);
            jdbc.update("update feedback set label = ?, corrected_text = ?, labelled_by = ?, labelled_at = now() where id = ?",
                    label, correcting ? correctedText.strip() : null, actor, id);
            if (correcting) {
                pairs.fromCorrection(read((String) row.get("snapshot")), (UUID) row.get("summary_id"), correctedText, actor);
            }
            audit.record(actor, "feedback.label", "feedback " + id, Map.of("label", String.valueOf(row.get("label"))),
                    correcting ? Map.of("label", label, "correctedText", correctedText.strip()) : Map.of("label", label));
            done++;
        }
        return done;
    }

    /** Feedback outputs for supervised fine-tuning: accepted summaries as they were, corrected ones as corrected. */
    public List<String[]> sftExamples() {
        return jdbc.query("""
                select snapshot::text, case when label = 'corrected' then corrected_text else snapshot->>'summary' end
                from feedback where label in ('accepted', 'corrected') order by id""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
    }

    Map<String, Object> read(String snapshot) {
        try {
            return json.readValue(snapshot, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
