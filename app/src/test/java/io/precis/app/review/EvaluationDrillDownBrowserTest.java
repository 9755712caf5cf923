package io.precis.app.review;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static com.codeborne.selenide.Selenide.webdriver;
import static com.codeborne.selenide.WebDriverConditions.urlContaining;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.admin.models.ModelRegistry;
import io.precis.admin.models.ModelVersion;
import io.precis.app.support.Api;
import io.precis.app.support.BrowserTest;
import io.precis.app.support.HeadlessChrome;

/** From the evaluation dashboard to a version's per-set scores and to the summaries it served, lowest reward first. */
class EvaluationDrillDownBrowserTest extends BrowserTest {
    @Autowired
    ModelRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void drillDownToPerSetScoresAndServedExamples() throws Exception {
        String tok = "ev" + UUID.randomUUID().toString().substring(0, 8);
        ModelVersion version = registry.register(new ModelRegistry.Registration(ModelVersion.SUMMARIZER_POLICY,
                "precis-extractive", tok, Map.of("policy", Map.of("positionWeight", 0.6)),
                Map.of("heldOut", Map.of("rougeL", 0.27, "factualConsistency", 0.98), "perSet",
                        Map.of("set-" + tok, Map.of("production", Map.of("rouge1", 0.4321, "rougeL", 0.2801, "factualConsistency", 1.0),
                                "candidate", Map.of("rouge1", 0.4109, "rougeL", 0.2765, "factualConsistency", 0.97)))),
                null), "test");
        String article;
        try (var in = getClass().getResourceAsStream("/articles/harbour.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Api api = new Api(port);
        String low = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", article)), "length", "short"), Api.BOOTSTRAP_KEY)
                .json().get("id").asText();
        String high = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", article)), "length", "medium"), Api.BOOTSTRAP_KEY)
                .json().get("id").asText();
        jdbc.update("update summaries set model_version_id = ?, reward = -1.2345 where id = ?::uuid", version.id(), low);
        jdbc.update("update summaries set model_version_id = ?, reward = 0.9876 where id = ?::uuid", version.id(), high);

        HeadlessChrome.signInAsAdmin(port);
        open("/admin/evaluation");
        $("#evaluation-charts svg").shouldBe(visible);
        $("#evaluation-version").click();
        $$("vaadin-select-item").findBy(text(tok)).click();
        $$("#evaluation-sets vaadin-grid-cell-content").findBy(text("set-" + tok)).shouldBe(visible);
        $$("#evaluation-sets vaadin-grid-cell-content").findBy(text("0.4109")).shouldBe(visible);
        $$("#evaluation-examples vaadin-grid-cell-content").findBy(text("-1.235")).shouldBe(visible);
        $$("#evaluation-examples vaadin-grid-cell-content").findBy(text("0.988")).shouldBe(visible);
        // lowest reward first
        List<String> rewards = $$("#evaluation-examples vaadin-grid-cell-content").texts().stream()
                .filter(t -> t.matches("-?\\d+\\.\\d{3}")).toList();
        assertThat(rewards).startsWith("-1.235", "0.988");
        $$("#evaluation-examples vaadin-grid-cell-content a").findBy(text("open")).scrollIntoCenter().click();
        webdriver().shouldHave(urlContaining("/history/" + low));
        jdbc.update("update model_versions set stage = 'archived' where id = ?", version.id());
    }
}
