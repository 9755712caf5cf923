package io.precis.admin.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.admin.audit.AuditLog;
import io.precis.admin.web.Problems;

/**
 * Model versions and their stages. Every stage change locks the versions of its kind ({@code FOR UPDATE NOWAIT}), so
 * of two concurrent promotions one goes through and the other gets a 409; each change is written to the promotion
 * history and the audit log in the same transaction.
 */
@Service
public class ModelRegistry {
    static final Set<String> KINDS = Set.of(ModelVersion.SUMMARIZER_POLICY, ModelVersion.REWARD_MODEL, "llm-endpoint", "lora-adapter");
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** What registering a version needs. */
    public record Registration(String kind, String name, String version, Map<String, Object> config,
            Map<String, Object> evalReport, Long parentId) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final RowMapper<ModelVersion> versions = this::version;

    ModelRegistry(JdbcTemplate jdbc, ObjectMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    public List<ModelVersion> list(String kind) {
        if (kind == null) {
            return jdbc.query("select * from model_versions order by kind, created_at desc, id desc", versions);
        }
        return jdbc.query("select * from model_versions where kind = ? order by created_at desc, id desc", versions, validKind(kind));
    }

    public Optional<ModelVersion> find(long id) {
        return jdbc.query("select * from model_versions where id = ?", versions, id).stream().findFirst();
    }

    public Optional<ModelVersion> inStage(String kind, String stage) {
        return jdbc.query("select * from model_versions where kind = ? and stage = ?", versions, kind, stage).stream().findFirst();
    }

    /** The production and canary versions of a kind. */
    public List<ModelVersion> serving(String kind) {
        return jdbc.query("select * from model_versions where kind = ? and stage in ('production', 'canary')", versions, kind);
    }

    /** The version that the current production version of {@code kind} replaced; empty without production. */
    public Optional<ModelVersion> previousProduction(String kind) {
        return inStage(kind, "production").flatMap(this::replacedBy);
    }

    private Optional<ModelVersion> replacedBy(ModelVersion production) {
        List<Long> previous = jdbc.queryForList("""
                select p.model_id from model_promotions p join model_versions m on m.id = p.model_id
                where m.kind = ? and p.to_stage = 'production' and p.model_id <> ? order by p.at desc, p.id desc limit 1""",
                Long.class, production.kind(), production.id());
        return previous.stream().findFirst().flatMap(this::find);
    }

    public List<ModelPromotion> history(long modelId) {
        return jdbc.query("select * from model_promotions where model_id = ? order by at desc, id desc", this::promotion, modelId);
    }

    @Transactional
    public ModelVersion register(Registration r, String actor) {
        String kind = validKind(r.kind());
        if (r.name() == null || r.name().isBlank() || r.version() == null || r.version().isBlank()) {
            throw Problems.badRequest("A model version needs a 'name' and a 'version'.");
        }
        if (r.parentId() != null && find(r.parentId()).isEmpty()) {
            throw Problems.notFound("model version", r.parentId());
        }
        long id;
        try {
            id = jdbc.queryForObject("""
                    insert into model_versions (kind, name, version, stage, config, eval_report, parent_id, created_by)
                    values (?, ?, ?, 'candidate', ?::jsonb, ?::jsonb, ?, ?) returning id""", Long.class,
                    kind, r.name().strip(), r.version().strip(), write(r.config() == null ? Map.of() : r.config()),
                    r.evalReport() == null ? null : write(r.evalReport()), r.parentId(), actor);
        } catch (DuplicateKeyException e) {
            throw Problems.of(HttpStatus.CONFLICT, "Version " + r.name() + ":" + r.version() + " of " + kind + " is already registered.");
        }
        ModelVersion created = find(id).orElseThrow();
        audit.record(actor, "model.register", "model " + created.id() + " " + created.label(), null, summary(created));
        return created;
    }

    /** Sends a candidate (or the canary, with a new share) to canary; the previous canary goes back to candidate. */
    @Transactional
    public ModelVersion toCanary(long id, double share, String reason, boolean override, String actor) {
        if (!(share > 0 && share <= 1)) {
            throw Problems.badRequest("'share' must be above 0 and at most 1, not " + share + ".");
        }
        ModelVersion model = lockKindOf(id);
        requireStage(model, "candidate", "canary");
        PromotionGate.Decision gate = gate(model, reason, override);
        inStage(model.kind(), "canary").filter(c -> c.id() != id).ifPresent(previous -> move(previous, "candidate", 0,
                "replaced by " + model.label(), Map.of(), false, actor));
        return move(model, "canary", share, reason, gate.evidence(), override && !gate.passed(), actor);
    }

    /** Makes a candidate or the canary production; the previous production version is archived. */
    @Transactional
    public ModelVersion toProduction(long id, String reason, boolean override, String actor) {
        ModelVersion model = lockKindOf(id);
        requireStage(model, "candidate", "canary");
        PromotionGate.Decision gate = gate(model, reason, override);
        inStage(model.kind(), "production").ifPresent(previous -> move(previous, "archived", 0,
                "replaced by " + model.label(), Map.of(), false, actor));
        return move(model, "production", 0, reason, gate.evidence(), override && !gate.passed(), actor);
    }

    /**
     * Undoes the last step of a kind: ends its canary when there is one (production serves everything again), or
     * otherwise brings back the version that production replaced.
     */
    @Transactional
    public ModelVersion rollback(String kind, String reason, String actor) {
        lockKind(validKind(kind));
        Optional<ModelVersion> canary = inStage(kind, "canary");
        if (canary.isPresent()) {
            move(canary.get(), "archived", 0, reason == null ? "rollback" : reason, Map.of(), false, actor);
            return inStage(kind, "production").orElse(find(canary.get().id()).orElseThrow());
        }
        ModelVersion current = inStage(kind, "production").orElseThrow(() -> Problems.of(HttpStatus.CONFLICT,
                "Nothing to roll back: " + kind + " has no canary and no production version."));
        ModelVersion restored = replacedBy(current).orElseThrow(() -> Problems.of(HttpStatus.CONFLICT,
                "Nothing to roll back to: " + current.label() + " is the first production version of " + kind + "."));
        move(current, "archived", 0, reason == null ? "rollback" : reason, Map.of(), false, actor);
        return move(restored, "production", 0, reason == null ? "rollback" : reason, Map.of("rollbackFrom", current.label()), false, actor);
    }

    @Transactional
    public ModelVersion archive(long id, String reason, String actor) {
        ModelVersion model = lockKindOf(id);
        requireStage(model, "candidate", "canary");
        return move(model, "archived", 0, reason, Map.of(), false, actor);
    }

    private PromotionGate.Decision gate(ModelVersion model, String reason, boolean override) {
        ModelVersion production = inStage(model.kind(), "production").orElse(null);
        PromotionGate.Decision decision = PromotionGate.check(model, production);
        if (decision.passed()) {
            return decision;
        }
        if (!override) {
            ErrorResponseException refused = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "The promotion gate refused "
                    + model.label() + ": " + String.join("; ", decision.reasons())
                    + ". An override needs \"override\": true and a \"reason\".");
            refused.getBody().setProperty("gate", decision.evidence());
            throw refused;
        }
        if (reason == null || reason.isBlank()) {
            throw Problems.badRequest("An override of the promotion gate needs a 'reason'.");
        }
        return decision;
    }

    private ModelVersion move(ModelVersion model, String to, double share, String reason, Map<String, Object> evidence,
            boolean override, String actor) {
        int updated = jdbc.update("""
                update model_versions set stage = ?, canary_share = ?, updated_at = now(), lock_version = lock_version + 1
                where id = ? and lock_version = ?""", to, share, model.id(), model.lockVersion());
        if (updated == 0) {
            throw concurrent(model);
        }
        jdbc.update("""
                insert into model_promotions (model_id, actor, from_stage, to_stage, canary_share, reason, evidence, override)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", model.id(), actor, model.stage(), to,
                "canary".equals(to) ? share : null, reason == null || reason.isBlank() ? null : reason.strip(),
                write(evidence), override);
        ModelVersion after = find(model.id()).orElseThrow();
        audit.record(actor, override ? "model.promote.override" : "model." + to, "model " + model.id() + " " + model.label(),
                summary(model), withReason(summary(after), reason));
        return after;
    }

    private ModelVersion lockKindOf(long id) {
        ModelVersion model = find(id).orElseThrow(() -> Problems.notFound("model version", id));
        lockKind(model.kind());
        return find(id).orElseThrow();
    }

    private void lockKind(String kind) {
        try {
            jdbc.queryForList("select id from model_versions where kind = ? for update nowait", Long.class, kind);
        } catch (PessimisticLockingFailureException | UncategorizedSQLException e) {
            // PostgreSQL's lock_not_available (55P03) is not translated by every Spring version
            if (e instanceof UncategorizedSQLException u && (u.getSQLException() == null
                    || !LOCK_NOT_AVAILABLE.equals(u.getSQLException().getSQLState()))) {
                throw e;
            }
            throw Problems.of(HttpStatus.CONFLICT, "Another change to the " + kind + " versions is in progress; try again.");
        }
    }

    private static void requireStage(ModelVersion model, String... allowed) {
        if (!List.of(allowed).contains(model.stage())) {
            throw Problems.of(HttpStatus.CONFLICT, "Version " + model.label() + " is " + model.stage()
                    + "; only " + String.join(" or ", allowed) + " versions can take this step.");
        }
    }

    private static ErrorResponseException concurrent(ModelVersion model) {
        return Problems.of(HttpStatus.CONFLICT, "Version " + model.label() + " was changed concurrently; reload and try again.");
    }

    private static Map<String, Object> summary(ModelVersion m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", m.id());
        map.put("kind", m.kind());
        map.put("version", m.label());
        map.put("stage", m.stage());
        map.put("canaryShare", m.canaryShare());
        return map;
    }

    private static Map<String, Object> withReason(Map<String, Object> map, String reason) {
        map.put("reason", reason);
        return map;
    }

    private static String validKind(String kind) {
        if (kind == null || !KINDS.contains(kind)) {
            throw Problems.badRequest("'kind' must be one of " + KINDS.stream().sorted().toList() + ", not " + (kind == null ? "missing" : "\"" + kind + "\"") + ".");
        }
        return kind;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ModelVersion version(ResultSet rs, int row) throws SQLException {
        return new ModelVersion(rs.getLong("id"), rs.getString("kind"), rs.getString("name"), rs.getString("version"),
                rs.getString("stage"), rs.getDouble("canary_share"), read(rs.getString("config")),
                read(rs.getString("eval_report")), rs.getObject("parent_id", Long.class),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getLong("lock_version"));
    }

    private ModelPromotion promotion(ResultSet rs, int row) throws SQLException {
        double share = rs.getDouble("canary_share");
        Double canaryShare = rs.wasNull() ? null : share;
        return new ModelPromotion(rs.getLong("id"), rs.getLong("model_id"), rs.getString("actor"), rs.getString("from_stage"),
                rs.getString("to_stage"), canaryShare, rs.getString("reason"), read(rs.getString("evidence")),
                rs.getBoolean("override"), rs.getTimestamp("at").toInstant());
    }
}
