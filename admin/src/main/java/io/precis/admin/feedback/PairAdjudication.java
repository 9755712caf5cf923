package io.precis.admin.feedback;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.admin.audit.AuditLog;
import io.precis.admin.web.Problems;

/**
 * Adjudication of preference pairs in the review queue: accept a pair (it trains), reject or flag it (it does not),
 * or swap it when the judgement was the wrong way round (chosen and rejected change places; the pair then counts as
 * accepted and its source becomes {@code adjudicated}). Every decision is audited.
 */
@Service
public class PairAdjudication {
    public static final Set<String> DECISIONS = Set.of("accepted", "rejected", "flagged", "swapped");

    /** A pair as the review queue shows it. */
    public record PairItem(long id, String source, String author, String modelVersion, String input, String chosen,
            String rejected, String label, java.time.Instant createdAt) {
    }

    private static final String SELECT = """
            select id, source, author, model_version, left(coalesce(inputs->>0, ''), 300), chosen, rejected, label,
                   created_at from preference_pairs""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;

    PairAdjudication(JdbcTemplate jdbc, ObjectMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    /** The newest pairs, optionally only unlabelled ones or those whose texts contain {@code text}. */
    public List<PairItem> list(String text, boolean unlabelledOnly, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where true");
        List<Object> args = new java.util.ArrayList<>();
        if (text != null && !text.isBlank()) {
            sql.append(" and (strpos(lower(chosen), ?) > 0 or strpos(lower(rejected), ?) > 0)");
            String needle = text.strip().toLowerCase(Locale.ROOT);
            args.add(needle);
            args.add(needle);
        }
        if (unlabelledOnly) sql.append(" and label is null");
        sql.append(" order by created_at desc, id desc limit ?");
        args.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.query(sql.toString(), PairAdjudication::item, args.toArray());
    }

    /**
     * @return the pair after the decision
     * @throws org.springframework.web.ErrorResponseException 400 for an unknown decision, 404 for an unknown pair, 409
     *         when swapping would repeat a pair that is already recorded
     */
    @Transactional
    public PairItem decide(long id, String decision, String actor) {
        if (decision == null || !DECISIONS.contains(decision)) {
            throw Problems.badRequest("'decision' must be one of " + DECISIONS.stream().sorted().toList() + ".");
        }
        var rows = jdbc.queryForList("select inputs::text as inputs, chosen, rejected, label from preference_pairs where id = ? for update", id);
        if (rows.isEmpty()) throw Problems.notFound("preference pair", id);
        Map<String, Object> row = rows.get(0);
        String before = String.valueOf(row.get("label"));
        if (decision.equals("swapped")) {
            String chosen = (String) row.get("rejected");
            String rejected = (String) row.get("chosen");
            try {
                String inputsJson = json.writeValueAsString(json.readValue((String) row.get("inputs"), String[].class));
                jdbc.update("""
                        update preference_pairs set chosen = ?, rejected = ?, chosen_summary = rejected_summary,
                               rejected_summary = chosen_summary, content_hash = ?, source = 'adjudicated', label = 'accepted'
                        where id = ?""", chosen, rejected, PreferencePairs.contentHash(inputsJson, chosen, rejected), id);
            } catch (DuplicateKeyException e) {
                throw Problems.of(HttpStatus.CONFLICT, "The swapped pair is already recorded as its own pair; reject this one instead.");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            audit.record(actor, "preference.swap", "preference pair " + id, Map.of("label", before),
                    Map.of("label", "accepted", "swapped", true));
        } else {
            jdbc.update("update preference_pairs set label = ? where id = ?", decision, id);
            audit.record(actor, "preference.label", "preference pair " + id, Map.of("label", before), Map.of("label", decision));
        }
        return jdbc.queryForObject(SELECT + " where id = ?", PairAdjudication::item, id);
    }

    private static PairItem item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PairItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }
}
