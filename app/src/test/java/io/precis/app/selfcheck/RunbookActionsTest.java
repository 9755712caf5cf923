package io.precis.app.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.precis.admin.runbooks.RunbookAction;
import io.precis.admin.runbooks.RunbookActions;
import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** The console's runbook actions against the real app: what each one changes, and its record. */
@PrecisIntegrationTest
class RunbookActionsTest {
    @LocalServerPort
    int port;
    @Autowired
    RunbookActions actions;
    @Autowired
    ApiKeyService keys;

    @Test
    void theAppProvidesTheRunbooksActions() {
        assertThat(actions.all()).extracting(RunbookAction::id)
                .contains("rotate-api-keys", "revoke-sessions", "reembed-library", "smoke-check");
    }

    @Test
    void rotatingApiKeysReplacesThemAndShowsTheNewSecretsOnce() {
        String name = "rotate-" + UUID.randomUUID();
        String old = keys.create(name, Role.ANALYST, "test").secret();
        Api api = new Api(port);
        assertThat(api.getWithKey("/api/v1/summaries", old).status()).isEqualTo(200);

        RunbookAction.Result result = actions.run(actions.find("rotate-api-keys").orElseThrow(), "ops-lead");

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
    }

    @Test
    void theSmokeCheckSummarisesAndSearchesAndTimesEachCheck() {
        RunbookAction.Result result = actions.run(actions.find("smoke-check").orElseThrow(), "ops-lead");
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.summary()).isEqualTo("Smoke check passed: 3 of 3 checks ok.");
        assertThat(result.detail()).containsPattern("database\\s+ok\\s+\\d+ ms\\s+pgvector 0\\.8")
                .containsPattern("summarise\\s+ok\\s+\\d+ ms\\s+\\d+ sentences, [1-9]\\d* cited")
                .containsPattern("search\\s+ok");
    }

    @Test
    void reembeddingSaysWhatItStarted() {
        RunbookAction.Result result = actions.run(actions.find("reembed-library").orElseThrow(), "ops-lead");
        assertThat(result.ok()).isTrue();
        assertThat(result.summary()).matches("(Nothing to re-embed: every chunk uses .+|Re-embedding \\d+ chunks with .+)");
    }
}
