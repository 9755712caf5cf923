package io.precis.app.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.admin.runbooks.RunbookAction;
import io.precis.admin.runbooks.RunbookActions;
import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** The console's runbook actions against the real app: what each one changes, and its audit entry. */
@PrecisIntegrationTest
class RunbookActionsTest {
    @LocalServerPort
    int port;
    @Autowired
    RunbookActions actions;
    @Autowired
    ApiKeyService keys;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theAppProvidesTheRunbooksActions() {
        assertThat(actions.all()).extracting(RunbookAction::id)
                .contains("rotate-api-keys", "revoke-sessions", "reembed-library", "smoke-check", "pause-research",
                        "resume-research", "rollback-model");
    }

    @Test
    void everyConsoleActionTheRunbooksNameExists() throws Exception {
        String index;
        try (var in = getClass().getResourceAsStream("/runbooks/README.md")) {
            index = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.Set<String> named = new java.util.TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\*\\*.+?) \\|").matcher(index);
        while (row.find()) {
            Matcher bold = Pattern.compile("\\*\\*(.+?)\\*\\*").matcher(row.group(1));
            while (bold.find()) named.add(bold.group(1));
        }
        assertThat(named).hasSizeGreaterThanOrEqualTo(7);
        assertThat(actions.all()).extracting(RunbookAction::label).containsAll(named);
    }

    @Test
    void rotatingApiKeysReplacesThemAndShowsTheNewSecretsOnce() {
        String name = "rotate-" + UUID.randomUUID();
        String old = keys.create(name, Role.ANALYST, "test").secret();
        Api api = new Api(port);
        assertThat(api.getWithKey("/api/v1/summaries", old).status()).isEqualTo(200);

        RunbookAction.Result result = run("rotate-api-keys");

        assertThat(result.ok()).isTrue();
        assertThat(result.summary()).contains("rotated");
        Matcher m = Pattern.compile(Pattern.quote(name) + " \\(ANALYST\\): (pk_\\S+)").matcher(result.detail());
        assertThat(m.find()).as(result.detail()).isTrue();
        assertThat(api.getWithKey("/api/v1/summaries", old).status()).isEqualTo(401);
        assertThat(api.getWithKey("/api/v1/summaries", m.group(1)).status()).isEqualTo(200);
        assertThat(api.getWithKey("/api/v1/summaries", Api.BOOTSTRAP_KEY).status()).as("the bootstrap key stays").isEqualTo(200);
        assertThat(keys.list()).filteredOn(k -> k.name().equals(name) && k.active())
                .singleElement().satisfies(k -> assertThat(k.createdBy()).isEqualTo("ops-lead"));
        assertThat(actions.history(20).get(0)).satisfies(run -> {
            assertThat(run.actor()).isEqualTo("ops-lead");
            assertThat(run.action()).isEqualTo("Rotate API keys");
        });
        assertThat(lastAudit.after()).as("the new secrets are shown once, never stored in the audit log")
                .doesNotContain(m.group(1)).doesNotContain("pk_");
    }

    @Test
    void theSmokeCheckSummarisesAndSearchesAndTimesEachCheck() {
        RunbookAction.Result result = run("smoke-check");
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.summary()).isEqualTo("Smoke check passed: 3 of 3 checks ok.");
        assertThat(result.detail()).containsPattern("database\\s+ok\\s+\\d+ ms\\s+pgvector 0\\.8")
                .containsPattern("summarise\\s+ok\\s+\\d+ ms\\s+\\d+ sentences, [1-9]\\d* cited")
                .containsPattern("search\\s+ok");
    }

    @Test
    void pausingTheResearchQueueKeepsJobsQueuedUntilResumed() throws Exception {
        RunbookAction.Result paused = run("pause-research");
        assertThat(paused.summary()).startsWith("Research queue paused;");
        try {
            Api.Response job = new Api(port).postJson("/api/v1/research",
                    java.util.Map.of("question", "What happened to the harbour park?", "depth", 1, "breadth", 1), Api.BOOTSTRAP_KEY);
            assertThat(job.status()).as(job.body()).isEqualTo(202);
            String id = job.json().path("id").asText();
            Thread.sleep(2500); // the workers poll every second
            assertThat(new Api(port).getWithKey("/api/v1/research/" + id, Api.BOOTSTRAP_KEY).json().path("status").asText()).isEqualTo("queued");
        } finally {
            RunbookAction.Result resumed = run("resume-research");
            assertThat(resumed.summary()).startsWith("Research queue resumed;");
        }
        assertThat(actions.history(20)).extracting(RunbookActions.Run::action).startsWith("Resume research queue", "Pause research queue");
    }

    @Test
    void rollingBackSaysWhatServesNowOrWhyNothingWasDone() {
        Integer serving = jdbc.queryForObject(
                "SELECT count(*) FROM model_versions WHERE kind = 'summarizer-policy' AND stage IN ('canary', 'production')", Integer.class);
        RunbookAction.Result result = run("rollback-model");
        if (serving == 0) {
            assertThat(result.ok()).isFalse();
            assertThat(result.summary()).startsWith("Roll back serving model: Nothing to roll back");
        } else {
            // Another test left versions: either one was rolled back, or the only production version has no predecessor.
            assertThat(result.summary()).matches("Rolled back: .+ \\(production\\) now serves the summariser\\.|Rolled back: the canary .+ ended; .+|"
                    + "Roll back serving model: Nothing to roll back to: .+");
        }
    }

    @Test
    void reembeddingSaysWhatItStarted() {
        RunbookAction.Result result = run("reembed-library");
        assertThat(result.ok()).isTrue();
        assertThat(result.summary()).matches("(Nothing to re-embed: every chunk uses .+|Re-embedding \\d+ chunks with .+)");
    }

    /** An audit row as stored. */
    record Audit(String actor, String action, String target, String before, String after) {
    }

    private Audit lastAudit;

    /**
     * Runs the action as "ops-lead" and asserts the one audit entry it wrote: the actor, {@code runbook.<id>}, the
     * action's label, no before-state, and as after-state exactly the (masked) one-line outcome and whether it was ok.
     */
    private RunbookAction.Result run(String id) {
        RunbookAction action = actions.find(id).orElseThrow();
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_log", Long.class);
        RunbookAction.Result result = actions.run(action, "ops-lead");
        List<Audit> rows = jdbc.query("SELECT actor, action, target, before::text, after::text FROM audit_log "
                        + "WHERE id > ? AND action LIKE 'runbook.%' ORDER BY id",
                (rs, n) -> new Audit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), before);
        assertThat(rows).as("audit entries of " + id).singleElement().satisfies(row -> {
            assertThat(row.actor()).isEqualTo("ops-lead");
            assertThat(row.action()).isEqualTo("runbook." + id);
            assertThat(row.target()).isEqualTo(action.label());
            assertThat(row.before()).isNull();
            JsonNode after = json(row.after());
            assertThat(after.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("summary", "ok");
            assertThat(after.path("summary").asText()).isEqualTo(result.summary().replaceAll("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+", "***"));
            assertThat(after.path("ok").asBoolean()).isEqualTo(result.ok());
            if (result.detail() != null && !result.detail().isBlank()) {
                assertThat(row.after()).as("the detail stays out of the audit log").doesNotContain(result.detail());
            }
        });
        lastAudit = rows.get(0);
        return result;
    }

    private JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
