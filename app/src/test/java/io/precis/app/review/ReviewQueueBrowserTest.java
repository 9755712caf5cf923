package io.precis.app.review;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.actions;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.BrowserTest;
import io.precis.app.support.HeadlessChrome;

/**
 * The review queue in headless Chromium: filter by text and rating, accept one item with its button, reject one with
 * Alt+R, correct one with Alt+C while the correction is still being typed, flag two at once, then find them again
 * with the Flagged filter. Every label is checked in the database as well as on screen.
 */
class ReviewQueueBrowserTest extends BrowserTest {

    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void filterLabelCorrectAndFlagInBulk() throws Exception {
        String tok = "rq" + UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(port);
        String analyst = keys.create("review-ui-" + tok, Role.ANALYST, "test").secret();
        String article;
        try (var in = getClass().getResourceAsStream("/articles/harbour.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var summary = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", article)), "length", "short"), analyst);
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        String summaryId = summary.json().get("id").asText();
        Map<String, Integer> ratings = Map.of("one", 5, "two", 2, "three", 3, "bulk-a", 4, "bulk-b", 4);
        ratings.forEach((name, rating) -> {
            var given = api.postJson("/api/v1/feedback", Map.of("summaryId", summaryId, "rating", rating, "comment", tok + " " + name), analyst);
            assertThat(given.status()).as(given.body()).isEqualTo(201);
        });

        HeadlessChrome.signInAsAdmin(port);
        open("/admin/review");
        $("#review-grid").shouldBe(visible);

        // text and rating together: only the item rated 2
        $("#review-text input").setValue(tok);
        $("#review-rating input").setValue("2");
        $("#review-filter").click();
        visibleCells().findBy(text(tok + " two")).shouldBe(visible);
        visibleCells().filterBy(text(tok)).shouldHave(size(1));

        // Enter in a filter field filters too: the rating just cleared counts, and all five are there
        $("#review-rating input").sendKeys(Keys.BACK_SPACE);
        $("#review-rating input").pressEnter();
        visibleCells().filterBy(text(tok)).shouldHave(size(5));

        // accept one with its button
        checkRow(tok + " one");
        $("#review-action-accepted").click();
        notification("1 labelled accepted.");
        assertThat(rowText(tok + " one")).contains("accepted");
        assertThat(labelOf(tok + " one")).isEqualTo("accepted");

        // reject one with Alt+R
        checkRow(tok + " two");
        actions().keyDown(Keys.ALT).sendKeys("r").keyUp(Keys.ALT).perform();
        notification("1 labelled rejected.");
        assertThat(rowText(tok + " two")).contains("rejected");
        assertThat(labelOf(tok + " two")).isEqualTo("rejected");

        // correct one with Alt+C while the cursor is still in the correction
        String corrected = "The council approved the harbour plan " + tok + ".";
        checkRow(tok + " three");
        $("#review-correction textarea").click();
        $("#review-correction textarea").sendKeys(corrected);
        actions().keyDown(Keys.ALT).sendKeys("c").keyUp(Keys.ALT).perform();
        notification("1 labelled corrected.");
        assertThat(rowText(tok + " three")).contains("corrected");
        assertThat(jdbc.queryForObject("select corrected_text from feedback where comment = ?", String.class, tok + " three"))
                .isEqualTo(corrected);
        assertThat(jdbc.queryForObject("select count(*) from preference_pairs where chosen = ?", Integer.class, corrected))
                .isEqualTo(1);
        $("#review-correction textarea").shouldHave(com.codeborne.selenide.Condition.exactValue(""));

        // the SFT export link downloads the corrected summary as a completion; the DPO one has the pair it made
        java.io.File sft = $("#review-export-sft").download();
        assertThat(java.nio.file.Files.readString(sft.toPath())).contains("\"completion\":\"" + corrected + "\"");
        java.io.File dpo = $("#review-export-dpo").download();
        assertThat(java.nio.file.Files.readString(dpo.toPath())).contains("\"chosen\":\"" + corrected + "\"");

        // the correction's pair is in the pairs grid: swap it (the judgement was the wrong way round), then reject it
        String original = jdbc.queryForObject("select rejected from preference_pairs where chosen = ?", String.class, corrected);
        $$("#review-pairs vaadin-grid-cell-content").findBy(text(corrected)).scrollIntoCenter().click();
        $("#review-pair-swapped").click();
        notification("swapped.");
        assertThat(jdbc.queryForMap("select chosen, rejected, label, source from preference_pairs where rejected = ?", corrected))
                .containsEntry("chosen", original).containsEntry("label", "accepted").containsEntry("source", "adjudicated");
        $$("#review-pairs vaadin-grid-cell-content").findBy(text(corrected)).click();
        $("#review-pair-rejected").click();
        notification("rejected.");
        assertThat(jdbc.queryForObject("select label from preference_pairs where rejected = ?", String.class, corrected))
                .isEqualTo("rejected");

        // a bulk action: select all of the two "bulk" items and flag them at once
        $("#review-text").scrollIntoView(true); // the pairs grid scrolled the filters out of view
        $("#review-text input").setValue(tok + " bulk");
        $("#review-filter").click();
        visibleCells().filterBy(text(tok)).shouldHave(size(2));
        $("#review-grid vaadin-checkbox.vaadin-grid-select-all-checkbox").click();
        $("#review-action-flagged").click();
        notification("2 labelled flagged.");
        assertThat(labelOf(tok + " bulk-a")).isEqualTo("flagged");
        assertThat(labelOf(tok + " bulk-b")).isEqualTo("flagged");

        // the Flagged filter finds exactly those; Unlabelled finds none of the five any more
        $("#review-text input").setValue(tok);
        $("#review-flagged").click();
        $("#review-filter").click();
        visibleCells().filterBy(text(tok)).shouldHave(size(2));
        visibleCells().findBy(text(tok + " bulk-a")).shouldBe(visible);
        $("#review-flagged").click();
        $("#review-unlabelled").click();
        $("#review-filter").click();
        visibleCells().filterBy(text(tok)).shouldHave(size(0));
    }

    private static com.codeborne.selenide.ElementsCollection visibleCells() {
        return $$("#review-grid vaadin-grid-cell-content").filterBy(visible);
    }

    private static void notification(String message) {
        $$("vaadin-notification-card").findBy(text(message)).shouldBe(visible);
    }

    private String labelOf(String comment) {
        return jdbc.queryForObject("select label from feedback where comment = ?", String.class, comment);
    }

    /** Ticks the selection checkbox of the grid row that shows {@code cellText}. */
    private static void checkRow(String cellText) {
        $$("#review-grid vaadin-grid-cell-content").findBy(text(cellText)).shouldBe(visible);
        org.openqa.selenium.WebElement box = com.codeborne.selenide.Selenide.executeJavaScript(ROW + """
                const first = tr.querySelector('td slot');
                return grid.querySelector('vaadin-grid-cell-content[slot="' + first.getAttribute('name') + '"] vaadin-checkbox');
                """, cellText);
        $(box).click();
        $(box).shouldHave(com.codeborne.selenide.Condition.attribute("checked"));
    }

    /** The text of every cell of the grid row that shows {@code cellText}, once the grid has re-rendered. */
    private static String rowText(String cellText) {
        $$("#review-grid vaadin-grid-cell-content").findBy(text(cellText)).shouldBe(visible);
        long until = System.currentTimeMillis() + 10_000;
        String row;
        do {
            row = com.codeborne.selenide.Selenide.executeJavaScript(ROW + """
                    return [...tr.querySelectorAll('td slot')].map(s => {
                      const c = grid.querySelector('vaadin-grid-cell-content[slot="' + s.getAttribute('name') + '"]');
                      return c ? c.textContent : '';
                    }).join(' | ');
                    """, cellText);
            if (row != null && row.matches(".*\\| (accepted|rejected|flagged|corrected) \\|.*")) {
                return row;
            }
            com.codeborne.selenide.Selenide.sleep(200);
        } while (System.currentTimeMillis() < until);
        return row;
    }

    /** Finds {@code grid} and the {@code tr} of the visible row whose cell contains arguments[0]. */
    private static final String ROW = """
            const grid = document.querySelector('#review-grid');
            const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                .find(c => c.offsetParent !== null && c.textContent.trim() === arguments[0]);
            const tr = grid.shadowRoot.querySelector('slot[name="' + cell.getAttribute('slot') + '"]').closest('tr');
            """;
}
