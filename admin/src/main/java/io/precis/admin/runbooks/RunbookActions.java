package io.precis.admin.runbooks;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.admin.audit.AuditEntry;
import io.precis.admin.audit.AuditLog;

/**
 * Runs the runbook actions the app provides. Every run goes to the audit log (action {@code runbook.<id>}, with its
 * one-line outcome; never the detail, which may hold new secrets), which is also where the console reads the recent
 * runs from, so they survive restarts and are the same on every replica.
 */
@Service
public class RunbookActions {
    private static final Logger log = LoggerFactory.getLogger(RunbookActions.class);
    static final String AUDIT_PREFIX = "runbook.";

    /** One run: who, what, when and how it ended. */
    public record Run(Instant at, String actor, String action, String summary, boolean ok) {
    }

    private final List<RunbookAction> actions;
    private final AuditLog audit;
    private final ObjectMapper json;

    RunbookActions(List<RunbookAction> actions, AuditLog audit, ObjectMapper json) {
        this.actions = actions.stream().sorted(Comparator.comparing(RunbookAction::label)).toList();
        this.audit = audit;
        this.json = json;
    }

    public List<RunbookAction> all() {
        return actions;
    }

    public Optional<RunbookAction> find(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Runs the action; a failure becomes a result that says so, never an exception for the view. */
    public RunbookAction.Result run(RunbookAction action, String actor) {
        RunbookAction.Result result;
        try {
            result = action.run(actor);
        } catch (ErrorResponseException e) {
            // a refusal with a reason (nothing to roll back, a conflict): the operator reads the reason
            String why = e.getBody().getDetail() != null ? e.getBody().getDetail() : e.getMessage();
            result = new RunbookAction.Result(action.label() + ": " + why, null, false);
        } catch (RuntimeException e) {
            log.warn("runbook action {} by {} failed", action.id(), actor, e);
            result = new RunbookAction.Result(action.label() + " failed: " + e.getMessage(), null, false);
        }
        log.info("runbook action {} by {}: {}", action.id(), actor, result.summary());
        audit.record(actor, AUDIT_PREFIX + action.id(), action.label(), null,
                Map.of("summary", result.summary(), "ok", result.ok()));
        return result;
    }

    /** The latest runs, newest first, from the audit log. */
    public List<Run> history(int limit) {
        return audit.search(AUDIT_PREFIX, limit * 4).stream()
                .filter(e -> e.action().startsWith(AUDIT_PREFIX))
                .limit(limit)
                .map(this::run)
                .toList();
    }

    private Run run(AuditEntry e) {
        JsonNode after = parse(e.after());
        return new Run(e.at(), e.actor(), e.target(), after.path("summary").asText(""), after.path("ok").asBoolean(true));
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? json.createObjectNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
