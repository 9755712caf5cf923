package io.precis.app.summarize;

import static com.codeborne.selenide.CollectionCondition.sizeGreaterThanOrEqual;
import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exactValue;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.actions;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.codeborne.selenide.SelenideElement;

import io.precis.admin.models.ModelRegistry;
import io.precis.admin.models.ModelVersion;
import io.precis.app.support.BrowserTest;
import io.precis.app.support.HeadlessChrome;

/**
 * Edits and blind comparisons in the analyst UI: an edit is refused while unchanged or empty and then recorded as a
 * preference pair (edited over original); Compare makes a second summary of the same documents, shows the two as A
 * and B without naming their models, and the pick is recorded by summary ids. Without another policy version the
 * second summary is a second sample with another strategy or length; with a candidate version, that version makes it.
 */
class EditAndCompareBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ModelRegistry registry;

    @BeforeEach
    @AfterEach
    void retireSummarizerPolicies() {
        jdbc.update("update model_versions set stage = 'archived', canary_share = 0 where kind = ? and stage <> 'archived'",
                ModelVersion.SUMMARIZER_POLICY);
    }

    @Test
    void editThenCompareAndPickB() throws Exception {
        String tok = "ec" + UUID.randomUUID().toString().substring(0, 8);
        HeadlessChrome.signInAsAdmin(port);
        UUID first = summarise(tok);
        String original = jdbc.queryForObject("select summary from summaries where id = ?", String.class, first);

        // the editor opens on the summary; saving it unchanged, or empty, is refused with a reason and records nothing
        $("#summary-edit").scrollIntoCenter().click();
        $("#summary-edit-text textarea").shouldBe(visible).shouldHave(exactValue(original));
        saveWithCtrlEnter();
        editError().shouldHave(text("unchanged"));
        $("#summary-edit-text textarea").setValue("   ");
        saveWithCtrlEnter();
        editError().shouldHave(text("empty"));
        assertThat(pairsRejecting(first)).isZero();

        // a real edit is a pair: the edited text chosen over the original
        String edited = "The council " + tok + " approved the harbour plan: housing, a park and a market hall.";
        $("#summary-edit-text textarea").setValue(edited);
        saveWithCtrlEnter();
        $$("vaadin-notification-card").findBy(text("Edit saved")).shouldBe(visible);
        $("#summary-edit-text").shouldNotBe(visible);
        assertThat(jdbc.queryForMap("select chosen, rejected, source from preference_pairs where rejected_summary = ?", first))
                .containsEntry("chosen", edited).containsEntry("rejected", original).containsEntry("source", "edit");

        // compare: A and B, blind until the pick
        $("#summary-compare").scrollIntoCenter().click();
        $("#compare-b").shouldBe(visible);
        UUID a = UUID.fromString($("#compare-a").getAttribute("data-summary-id"));
        UUID b = UUID.fromString($("#compare-b").getAttribute("data-summary-id"));
        assertThat(a.equals(first) ^ b.equals(first)).as("one side is the summary compared").isTrue();
        UUID second = a.equals(first) ? b : a;
        SelenideElement dialog = $("#compare-a").closest("vaadin-dialog-overlay").shouldBe(visible);
        dialog.shouldNotHave(text("precis-extractive"));
        $("#compare-outcome").shouldNotBe(visible);

        // the key 2 picks B
        actions().sendKeys("2").perform();
        $$("vaadin-notification-card").findBy(text("Preference saved: B over A.")).shouldBe(visible);
        assertThat(jdbc.queryForMap("""
                select p.chosen, p.rejected, p.rejected_summary, p.source from preference_pairs p where p.chosen_summary = ?""", b))
                .containsEntry("chosen", summaryText(b)).containsEntry("rejected", summaryText(a))
                .containsEntry("rejected_summary", a).containsEntry("source", "comparison");
        $("#compare-pick-a").shouldHave(attribute("disabled"));
        dialog.shouldHave(text("precis-extractive"));

        // the second summary is the viewer's, of the same documents, from the same model with another strategy or
        // length, and the outcome says which
        Map<String, Object> one = summaryRow(first);
        Map<String, Object> two = summaryRow(second);
        assertThat(two).containsEntry("owner", "admin").containsEntry("documents", one.get("documents"))
                .containsEntry("model_version_id", null);
        String outcome = $("#compare-outcome").shouldBe(visible).shouldHave(text("second sample")).getText();
        if (two.get("strategy").equals(one.get("strategy"))) {
            assertThat(outcome).contains("at most " + two.get("max_words") + " words instead of " + one.get("max_words"));
        } else {
            assertThat(outcome).contains("strategy " + two.get("strategy") + " instead of " + one.get("strategy"));
        }
    }

    @Test
    void compareWithTheNewestCandidateVersion() throws Exception {
        String tok = "cv" + UUID.randomUUID().toString().substring(0, 8);
        ModelVersion production = register("lead-" + tok, Map.of("positionWeight", 1.0, "centralityWeight", 0.0, "positionExponent", 2.0));
        registry.toProduction(production.id(), "baseline " + tok, false, "test");
        ModelVersion candidate = register("central-" + tok, Map.of("positionWeight", 0.0, "centralityWeight", 1.0));

        HeadlessChrome.signInAsAdmin(port);
        UUID first = summarise(tok);
        assertThat(summaryRow(first)).containsEntry("model_version_id", production.id());

        $("#summary-compare").scrollIntoCenter().click();
        $("#compare-a").shouldBe(visible);
        UUID a = UUID.fromString($("#compare-a").getAttribute("data-summary-id"));
        UUID b = UUID.fromString($("#compare-b").getAttribute("data-summary-id"));
        UUID second = a.equals(first) ? b : a;
        SelenideElement dialog = $("#compare-a").closest("vaadin-dialog-overlay").shouldBe(visible);
        dialog.shouldNotHave(text(candidate.label()));
        $("#compare-pick-a").click();
        $$("vaadin-notification-card").findBy(text("Preference saved: A over B.")).shouldBe(visible);
        $("#compare-outcome").shouldBe(visible).shouldHave(text("newest candidate version " + candidate.label()));
        dialog.shouldHave(text(candidate.label()));

        assertThat(summaryRow(second).get("model_version_id")).isEqualTo(candidate.id()).isNotEqualTo(production.id());
        assertThat(jdbc.queryForObject("select rejected_summary from preference_pairs where chosen_summary = ?", UUID.class, a))
                .isEqualTo(b);
    }

    /** Summarises the harbour article (made unique by {@code tok}) with the short length; returns the summary's id. */
    private UUID summarise(String tok) throws Exception {
        String article;
        try (var in = getClass().getResourceAsStream("/articles/harbour.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        $("#source-text textarea").shouldBe(visible).setValue("Briefing " + tok + ".\n\n" + article);
        $$("#length vaadin-radio-button").findBy(text("Short")).click();
        $("#summarise").scrollIntoCenter().click();
        $$(".summary-sentence").shouldHave(sizeGreaterThanOrEqual(2));
        return UUID.fromString($(".summary-panel").getAttribute("data-summary-id"));
    }

    private ModelVersion register(String version, Map<String, Object> policy) {
        return registry.register(new ModelRegistry.Registration(ModelVersion.SUMMARIZER_POLICY, "precis-extractive",
                version, Map.of("policy", policy), Map.of("heldOut", Map.of("rougeL", 0.3, "factualConsistency", 0.9)), null),
                "test");
    }

    private static void saveWithCtrlEnter() {
        $("#summary-edit-text textarea").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    }

    private static SelenideElement editError() {
        return $("#summary-edit-text [slot='error-message']").shouldBe(visible);
    }

    private int pairsRejecting(UUID summary) {
        return jdbc.queryForObject("select count(*) from preference_pairs where rejected_summary = ?", Integer.class, summary);
    }

    private String summaryText(UUID id) {
        return jdbc.queryForObject("select summary from summaries where id = ?", String.class, id);
    }

    private Map<String, Object> summaryRow(UUID id) {
        return jdbc.queryForMap("""
                select owner, documents::text as documents, strategy, max_words, model_version_id from summaries where id = ?""", id);
    }
}
