package io.precis.app.review;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.admin.models.ModelRegistry;
import io.precis.admin.models.ModelVersion;
import io.precis.app.support.BrowserTest;
import io.precis.app.support.HeadlessChrome;

/**
 * Promotion in the console's Models view: a regressed candidate is refused by the gate with its reason on screen, a
 * good one goes to canary with a share typed in the view, its history shows who did it and why, and rolling back
 * ends the canary while production stays. Uses the {@code llm-endpoint} kind, which the embedded summariser that
 * other tests call does not route by.
 */
class ModelPromotionBrowserTest extends BrowserTest {
    private static final String KIND = "llm-endpoint";

    @Autowired
    ModelRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void retireServingVersions() {
        jdbc.update("update model_versions set stage = 'archived', canary_share = 0 where kind = ? and stage in ('production', 'canary')", KIND);
    }

    @Test
    void promoteToCanaryWithAShareSeeTheHistoryAndRollBack() {
        String tok = "ui" + UUID.randomUUID().toString().substring(0, 8);
        String name = "vllm-" + tok;
        ModelVersion production = register(name, "prod", 0.30, 0.80, null);
        registry.toProduction(production.id(), "baseline", false, "test");
        ModelVersion regressed = register(name, "regressed", 0.30 * 0.9, 0.80, production.id());
        ModelVersion good = register(name, "good", 0.31, 0.81, production.id());

        HeadlessChrome.signInAsAdmin(port);
        open("/admin/models");
        $("#models-kind").shouldBe(visible).click();
        $$("vaadin-select-item").findBy(text(KIND)).click();
        $$("#models-grid vaadin-grid-cell-content").findBy(text(name + ":prod")).shouldBe(visible);

        // the gate refuses the regressed candidate and says why
        $$("#models-grid vaadin-grid-cell-content").findBy(text(name + ":regressed")).click();
        $("#models-canary").click();
        $$("vaadin-notification-card").findBy(text("ROUGE-L")).shouldBe(visible).shouldHave(text("refused"));
        assertThat(registry.find(regressed.id()).orElseThrow().stage()).isEqualTo("candidate");

        // the good one goes to canary with 25% of live requests
        $$("#models-grid vaadin-grid-cell-content").findBy(text(name + ":good")).click();
        $("#models-share input").setValue("25");
        $("#models-reason input").setValue("try it " + tok);
        $("#models-canary").click();
        $$("vaadin-notification-card").findBy(text("Done.")).shouldBe(visible);
        ModelVersion canary = registry.find(good.id()).orElseThrow();
        assertThat(canary.stage()).isEqualTo("canary");
        assertThat(canary.canaryShare()).isEqualTo(0.25);
        $$("#models-grid vaadin-grid-cell-content").findBy(text("25%")).shouldBe(visible);

        // its history stays in view: the step, its share, who and why
        $$("#models-history vaadin-grid-cell-content").findBy(text("candidate → canary (25%)")).shouldBe(visible);
        $$("#models-history vaadin-grid-cell-content").findBy(text("try it " + tok)).shouldBe(visible);
        $$("#models-history vaadin-grid-cell-content").findBy(text("admin")).shouldBe(visible);

        // roll back: the canary ends, production serves everything again
        $("#models-reason input").setValue("rolled back " + tok);
        $("#models-rollback").click();
        $$("#models-history vaadin-grid-cell-content").findBy(text("canary → archived")).shouldBe(visible);
        $$("#models-history vaadin-grid-cell-content").findBy(text("rolled back " + tok)).shouldBe(visible);
        assertThat(registry.find(good.id()).orElseThrow().stage()).isEqualTo("archived");
        assertThat(registry.serving(KIND)).extracting(ModelVersion::id).containsExactly(production.id());
    }

    private ModelVersion register(String name, String version, double rougeL, double factuality, Long parent) {
        return registry.register(new ModelRegistry.Registration(KIND, name, version, Map.of("endpoint", "http://vllm:8000/v1"),
                Map.of("heldOut", Map.of("rougeL", rougeL, "factualConsistency", factuality)), parent), "test");
    }
}
