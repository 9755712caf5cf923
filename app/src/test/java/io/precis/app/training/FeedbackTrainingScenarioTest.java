package io.precis.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/**
 * The whole loop on the real database: preferences over REST → train-eval → candidate registered → a candidate with
 * a planted regression refused by the gate → a good candidate on canary receives its share of live requests →
 * rollback restores production; with the bad inputs of each step.
 */
@PrecisIntegrationTest
class FeedbackTrainingScenarioTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String analyst;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        analyst = keys.create("scenario-analyst-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
        operator = keys.create("scenario-operator-" + UUID.randomUUID(), Role.OPERATOR, "test").secret();
        retireServingVersions();
    }

    @AfterEach
    void retireServingVersions() {
        // other tests expect the built-in policy to serve
        jdbc.update("update model_versions set stage = 'archived', canary_share = 0 where stage in ('production', 'canary')");
    }

    @Test
    void preferencesTrainACandidateThatIsGatedCanariedAndRolledBack() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 14; i++) {
            Articles.Article article = Articles.of(i, run);
            var created = api.postJson("/api/v1/feedback/preferences",
                    Map.of("inputs", List.of(article.text()), "chosen", article.lead(), "rejected", article.tail()), analyst);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        Articles.Article first = Articles.of(0, run);
        var duplicate = api.postJson("/api/v1/feedback/preferences",
                Map.of("inputs", List.of(first.text()), "chosen", first.lead(), "rejected", first.tail()), analyst);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");

        var dpo = api.getWithKey("/api/v1/admin/datasets/dpo", operator);
        assertThat(dpo.status()).isEqualTo(200);
        JsonNode line = dpo.body().lines().map(this::json).filter(n -> n.get("chosen").asText().equals(first.lead()))
                .findFirst().orElseThrow();
        assertThat(line.get("rejected").asText()).isEqualTo(first.tail());
        assertThat(line.get("prompt").asText()).contains(first.text());
        assertThat(api.getWithKey("/api/v1/admin/datasets/dpo", analyst).status()).isEqualTo(403);

        // train-eval registers a reward model and a candidate policy with its report
        var started = api.postJson("/api/v1/admin/training/runs", Map.of(), operator);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().get("id").asText();
        assertThat(started.json().get("status").asText()).isEqualTo("running");
        var second = api.postJson("/api/v1/admin/training/runs", Map.of(), operator);
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(api.getWithKey("/api/v1/admin/training/runs/no-such-run", operator).status()).isEqualTo(404);
        var trained = awaitRun(runId);
        assertThat(trained.json().get("status").asText()).as(trained.body()).isEqualTo("succeeded");
        JsonNode candidate = trained.json().get("candidate");
        assertThat(candidate.get("stage").asText()).isEqualTo("candidate");
        assertThat(candidate.at("/evalReport/heldOut/rougeL").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(candidate.at("/evalReport/heldOut/factualConsistency").isNumber()).isTrue();
        assertThat(candidate.at("/evalReport/reward/heldOutAccuracy").isNumber()).isTrue();
        assertThat(candidate.at("/config/policy/positionWeight").isNumber()).isTrue();
        JsonNode rewardModel = trained.json().get("rewardModel");
        assertThat(rewardModel.at("/config/model/weights").size()).isEqualTo(7);
        // what the prod release gate reads, next to the report
        JsonNode gate = readJson(java.nio.file.Path.of("target", "train-eval", "summary.json"));
        assertThat(gate.path("rougeL").asDouble()).isEqualTo(candidate.at("/evalReport/heldOut/rougeL").asDouble());
        assertThat(gate.path("previousReleaseRougeL").isNumber()).isTrue();
        assertThat(gate.path("factualConsistency").isNumber()).isTrue();
        assertThat(gate.path("factualConsistencyBaseline").isNumber()).isTrue();

        // the trained candidate becomes production (nothing to compare with yet), and so does its reward model
        long production = candidate.get("id").asLong();
        assertThat(post("/api/v1/admin/models/" + production + "/production", Map.of("reason", "first")).status()).isEqualTo(200);
        assertThat(post("/api/v1/admin/models/" + rewardModel.get("id").asLong() + "/production", Map.of()).status()).isEqualTo(200);
        double rougeL = candidate.at("/evalReport/heldOut/rougeL").asDouble();
        double factuality = candidate.at("/evalReport/heldOut/factualConsistency").asDouble();

        // a planted regression: ROUGE-L 5% below production's
        long regressed = register("regressed-" + run, rougeL * 0.95, factuality, 0.9);
        var refused = post("/api/v1/admin/models/" + regressed + "/canary", Map.of("share", 0.5));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("ROUGE-L").contains("below production");
        assertThat(refused.json().at("/gate/rougeLRelativeChange").asDouble()).isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-9));
        var noReason = post("/api/v1/admin/models/" + regressed + "/canary", Map.of("share", 0.5, "override", true));
        assertThat(noReason.status()).isEqualTo(400);
        long lessFactual = register("unfaithful-" + run, rougeL, factuality - 0.01, 0.9);
        assertThat(post("/api/v1/admin/models/" + lessFactual + "/production", Map.of()).json().get("detail").asText())
                .contains("factual consistency");

        // a good candidate on canary takes about its share of live requests
        long good = register("good-" + run, rougeL * 1.01, factuality, 0.8);
        var canary = post("/api/v1/admin/models/" + good + "/canary", Map.of("share", 0.5, "reason", "try it"));
        assertThat(canary.status()).as(canary.body()).isEqualTo(200);
        Map<String, Integer> served = serve(24);
        assertThat(served.getOrDefault("good-" + run, 0)).isBetween(3, 21);
        assertThat(served.getOrDefault(productionVersion(production), 0)).isBetween(3, 21);
        assertThat(jdbc.queryForObject("select count(*) from summaries where model_version_id = ?", Integer.class, good))
                .isEqualTo(served.get("good-" + run));

        // rollback ends the canary: production serves everything again
        var rolledBack = post("/api/v1/admin/models/rollback", Map.of("kind", "summarizer-policy", "reason", "scenario"));
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.json().get("id").asLong()).isEqualTo(production);
        assertThat(serve(6)).containsOnlyKeys(productionVersion(production));
        var history = api.getWithKey("/api/v1/admin/models/" + good + "/history", operator).json();
        assertThat(history.get(0).get("toStage").asText()).isEqualTo("archived");
        assertThat(history.get(1).get("toStage").asText()).isEqualTo("canary");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("try it");

        // an archived version cannot be promoted
        assertThat(post("/api/v1/admin/models/" + good + "/production", Map.of()).status()).isEqualTo(409);

        // served summaries are scored by the production reward model
        awaitTrue(() -> jdbc.queryForObject("select count(*) from summaries where model_version_id = ? and reward is not null",
                Integer.class, production) > 0);

        var audit = api.getWithKey("/api/v1/admin/audit?q=good-" + run, operator);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("model.canary").contains("model.archived");
    }

    @Test
    void ofTwoConcurrentPromotionsOneWinsAndTheOtherGetsAConflict() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long id = register("concurrent-" + run, 0.3, 0.5, 0.5);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> promote = () -> {
                start.await();
                return post("/api/v1/admin/models/" + id + "/production", Map.of("reason", "race")).status();
            };
            Future<Integer> a = pool.submit(promote);
            Future<Integer> b = pool.submit(promote);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from model_promotions where model_id = ? and to_stage = 'production'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void preferencesForUnknownSummariesAndBadInputsAreProblems() {
        var unknown = api.postJson("/api/v1/feedback/preferences",
                Map.of("chosenSummaryId", UUID.randomUUID().toString(), "rejectedSummaryId", UUID.randomUUID().toString()), analyst);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.postJson("/api/v1/feedback/preferences", Map.of("inputs", "Some text.", "chosen", "A.", "rejected", "A."),
                analyst).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/feedback/preferences", Map.of("chosen", "A.", "rejected", "B."), analyst).status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/feedback/edits", Map.of("summaryId", UUID.randomUUID().toString(), "text", "Better."),
                analyst).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/admin/models", Map.of("kind", "nonsense", "name", "x", "version", "1"), operator)
                .status()).isEqualTo(400);
        assertThat(post("/api/v1/admin/models/999999999/canary", Map.of("share", 0.5)).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/admin/models", Map.of("kind", "summarizer-policy", "name", "x", "version", "1"), analyst)
                .status()).isEqualTo(403);
    }

    @Test
    void anEditBecomesAPreferenceOfTheEditOverTheOriginal() {
        var summary = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", Articles.of(3, "edit").text())),
                "length", "short"), analyst).json();
        String edited = "The council approved the plan after months of debate. " + UUID.randomUUID();
        var pair = api.postJson("/api/v1/feedback/edits", Map.of("summaryId", summary.get("id").asText(), "text", edited), analyst);
        assertThat(pair.status()).as(pair.body()).isEqualTo(201);
        assertThat(pair.json().get("chosen").asText()).isEqualTo(edited);
        assertThat(pair.json().get("rejected").asText()).isEqualTo(summary.get("summary").asText());
        assertThat(pair.json().get("source").asText()).isEqualTo("edit");
    }

    private Api.Response awaitRun(String id) {
        long until = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Api.Response run;
        do {
            sleep(500);
            run = api.getWithKey("/api/v1/admin/training/runs/" + id, operator);
            assertThat(run.status()).as(run.body()).isEqualTo(200);
        } while (run.json().get("status").asText().equals("running") && System.nanoTime() < until);
        return run;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long register(String version, double rougeL, double factuality, double positionWeight) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "summarizer-policy");
        body.put("name", "precis-extractive");
        body.put("version", version);
        body.put("config", Map.of("policy", Map.of("positionWeight", positionWeight)));
        body.put("evalReport", Map.of("heldOut", Map.of("rougeL", rougeL, "factualConsistency", factuality)));
        var created = api.postJson("/api/v1/admin/models", body, operator);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private String productionVersion(long id) {
        return api.getWithKey("/api/v1/admin/models/" + id, operator).json().get("version").asText();
    }

    /** Summarises {@code n} times; how many summaries each model version served. */
    private Map<String, Integer> serve(int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            var summary = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", Articles.of(i, "serve").text())),
                    "length", "short"), analyst);
            assertThat(summary.status()).as(summary.body()).isEqualTo(200);
            counts.merge(summary.json().at("/model/version").asText(), 1, Integer::sum);
        }
        return counts;
    }

    private Api.Response post(String path, Object body) {
        return api.postJson(path, body, operator);
    }

    private JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static JsonNode readJson(java.nio.file.Path file) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
