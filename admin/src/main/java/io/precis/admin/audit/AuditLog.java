package io.precis.admin.audit;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit log of admin actions. Writes join the caller's transaction, so an action and its entry commit together. */
@Service
public class AuditLog {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param before the target before the action (any JSON-serialisable value, or null), masked before storing */
    public void record(String actor, String action, String target, Object before, Object after) {
        jdbc.update("insert into audit_log (actor, action, target, before, after) values (?, ?, ?, ?::jsonb, ?::jsonb)",
                actor, action, AuditMasking.maskText(target), masked(before), masked(after));
    }

    /** Newest first; {@code query} (may be blank) matches actor, action, target or the JSON, case-insensitively. */
    public List<AuditEntry> search(String query, int limit) {
        String like = "%" + (query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.query("""
                select id, actor, action, target, before::text, after::text, at from audit_log
                where lower(actor) like ? or lower(action) like ? or lower(target) like ?
                   or lower(coalesce(before::text, '')) like ? or lower(coalesce(after::text, '')) like ?
                order by at desc, id desc limit ?""",
                (rs, n) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()),
                like, like, like, like, like, Math.max(1, Math.min(limit, 1000)));
    }

    private String masked(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode node = json.valueToTree(value);
        return AuditMasking.mask(node).toString();
    }

}
