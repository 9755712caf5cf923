package io.precis.app.ui;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.CollectionCondition.sizeGreaterThanOrEqual;
import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selectors.shadowCss;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static com.codeborne.selenide.Selenide.webdriver;
import static com.codeborne.selenide.WebDriverConditions.urlContaining;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.codeborne.selenide.Configuration;
import com.codeborne.selenide.SelenideElement;

import io.precis.app.security.ApiKeyService;

import io.precis.app.support.BrowserTest;

/**
 * The analyst UI in a real browser (headless Chromium) against the whole app on a random port: sign in,
 * summarise pasted text, check a sentence against its cited passage, give feedback, find it in the history; the
 * admin API-key page; and a failed sign-in.
 *
 * <p>Without {@code -Pproduction} Vaadin runs in development mode from the pre-compiled dev bundle
 * ({@code vaadin-dev-bundle}), so no npm is needed; with it, from the pre-built production bundle. The test
 * passes in both.
 */
class SummarizeBrowserTest extends BrowserTest {

    /** About 300 words in six paragraphs of short sentences, so that even a short summary has several. */
    private static final String ARTICLE = """
            Harbour briefing %s. The city council met on Tuesday to discuss the future of the old harbour district. \
            For decades the district was home to fishing boats and small workshops. Most of those businesses closed \
            when the new container port opened further south.

            Today the harbour is mostly empty. Several warehouses have broken windows and leaking roofs. Residents say \
            the area feels unsafe after dark. The council commissioned a study last year to find a new use for the land.

            The study proposed three options. The first would turn the warehouses into affordable housing for about \
            two thousand people. The second would create a public park with a swimming area and a market hall. The \
            third would sell the land to a private developer to build offices.

            Council members disagreed sharply about the options. Supporters of housing pointed to rising rents across \
            the city. Supporters of the park argued that the city lacks green space near the water. The finance \
            committee favoured selling the land because it would reduce the city's debt.

            After four hours of debate the council agreed on a compromise. Half of the district will become affordable \
            housing and the other half will become a park. The market hall will be built inside the largest warehouse. \
            Construction is expected to begin next spring and to take about five years.

            Local residents welcomed the decision but asked for more details. Many want to know how the new homes will \
            be allocated. The council promised to publish a full plan within three months and to hold public meetings \
            before any building starts. Shop owners near the old quay hope that new visitors will bring more trade.
            """;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiKeyService apiKeys;

    @Test
    void summariseCheckCitationAndGiveFeedback() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        signIn("admin", "test-admin-password");
        $("#source-text textarea").shouldBe(visible);
        $("#summarize-empty").shouldBe(visible).shouldHave(text("No summary yet"));

        $("#source-text textarea").setValue(ARTICLE.formatted(token));
        $$("#length vaadin-radio-button").findBy(text("Short")).click();
        $("#length vaadin-radio-button[checked]").shouldHave(text("Short"));
        $("#summarise").scrollIntoCenter().click();

        $$(".summary-sentence").shouldHave(sizeGreaterThanOrEqual(2));
        $("#summarize-empty").shouldNotBe(visible);
        $(".summary-meta").shouldHave(text("precis-extractive"), text("strategy"), text("took"));
        String summaryId = $(".summary-panel").getAttribute("data-summary-id");
        assertThat(summaryId).isNotBlank();

        // Selecting a sentence highlights the passage it was taken from.
        SelenideElement second = $$(".summary-sentence").get(1);
        String sentence = normalise(second.getText());
        second.scrollIntoCenter().click();
        second.shouldHave(attribute("aria-pressed", "true"));
        SelenideElement highlight = $(".source-highlight").shouldBe(visible);
        String highlighted = normalise(highlight.getText());
        assertThat(highlighted).isNotBlank();
        assertThat(sentence).contains(highlighted);

        // The keyboard does the same: Enter on a focused sentence.
        SelenideElement first = $$(".summary-sentence").get(0);
        String firstSentence = normalise(first.getText());
        first.sendKeys(Keys.ENTER);
        first.shouldHave(attribute("aria-pressed", "true"));
        second.shouldHave(attribute("aria-pressed", "false"));
        assertThat(firstSentence).contains(normalise($(".source-highlight").shouldBe(visible).getText()));

        // Feedback: thumbs up with a comment.
        String comment = "Faithful and short " + token;
        $("#thumb-up").scrollIntoCenter().click();
        $("#thumb-up").shouldHave(attribute("aria-pressed", "true"));
        $("#feedback-comment textarea").setValue(comment);
        $("#send-feedback").scrollIntoCenter().click();
        $$("vaadin-notification-card").findBy(text("Thanks — feedback saved")).shouldBe(visible);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select author, thumb, rating, comment from feedback where summary_id = ?", UUID.fromString(summaryId));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("author", "admin").containsEntry("thumb", "up")
                .containsEntry("comment", comment).containsEntry("rating", null);

        // The summary is in the history, and opens from there.
        open("/history");
        $$("#history-grid vaadin-grid-cell-content").findBy(text(token)).shouldBe(visible).click();
        webdriver().shouldHave(urlContaining("/history/" + summaryId));
        $(".summary-panel").shouldHave(attribute("data-summary-id", summaryId));
        $$(".summary-sentence").shouldHave(sizeGreaterThanOrEqual(2));

        // An id that is not there reads as "not found", not as an error page.
        open("/history/" + UUID.randomUUID());
        $("#summary-not-found").shouldBe(visible).shouldHave(text("Summary not found"));
        open("/history/not-a-uuid");
        $("#summary-not-found").shouldBe(visible);
    }

    @Test
    void summariseUploadedFilesAndRefuseOtherTypes() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createDirectories(Path.of("target", "selenide", "uploads"));
        Path pdf = Files.write(folder.resolve("scan-" + token + ".pdf"), "%PDF-1.4 not text".getBytes());
        Path notes = Files.writeString(folder.resolve("harbour-notes-" + token + ".md"), ARTICLE.formatted(token));

        signIn("admin", "test-admin-password");
        SelenideElement fileInput = $(shadowCss("input[type='file']", "#source-files"));
        fileInput.uploadFile(pdf.toFile());
        $$("vaadin-notification-card").findBy(text("is not a supported file type")).shouldBe(visible);
        fileInput.uploadFile(notes.toFile());
        $$("#source-files vaadin-upload-file").findBy(text("harbour-notes-" + token + ".md")).shouldBe(visible);
        $("#source-files vaadin-upload-file[complete]").shouldBe(visible);

        $("#summarise").scrollIntoCenter().click();
        $$(".summary-sentence").shouldHave(sizeGreaterThanOrEqual(2));
        // An uploaded document is titled after its file, in the source column and as the summary's title.
        $(".summary-sources").shouldHave(text("harbour-notes-" + token));
        $(".summary-panel h2").shouldHave(text("harbour-notes-" + token));
    }

    @Test
    void emptyInputShowsAReadableMessage() {
        signIn("admin", "test-admin-password");
        $("#summarise").shouldBe(visible).click();
        $("#summarize-error").shouldBe(visible).shouldHave(text("nothing to summarise"));
        $$(".summary-sentence").shouldHave(size(0));
        $("#summarise").shouldNotHave(attribute("disabled"));
    }

    @Test
    void adminCreatesAndRevokesAnApiKey() {
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin", "test-admin-password");
        $$("vaadin-side-nav-item").findBy(text("API keys")).shouldBe(visible);
        open("/admin/api-keys");
        $("#api-key-name input").shouldBe(visible).setValue(name);
        $("#create-api-key").click();

        SelenideElement secret = $("#new-api-key-secret input").shouldBe(visible);
        String value = secret.getValue();
        assertThat(value).startsWith("pk_").hasSizeGreaterThan(20);
        ApiKeyService.ApiKeyInfo created = apiKeys.list().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
        assertThat(value).startsWith(created.prefix());
        assertThat(created.createdBy()).isEqualTo("admin");
        $("#close-api-key-dialog").click();
        $("#new-api-key-secret").shouldNotBe(visible);

        $("vaadin-button[aria-label='Revoke key " + name + "']").scrollIntoCenter().click();
        $$("vaadin-confirm-dialog vaadin-button, vaadin-confirm-dialog-overlay vaadin-button")
                .findBy(text("Revoke")).shouldBe(visible).click();
        $$("vaadin-notification-card").findBy(text("API key '" + name + "' revoked")).shouldBe(visible);
        assertThat(apiKeys.list().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow().active()).isFalse();

        $("#sign-out").click();
        webdriver().shouldHave(urlContaining("/login"));
        $("#vaadinLoginUsername").shouldBe(visible);
    }

    @Test
    void wrongPasswordShowsTheError() {
        signIn("admin", "not-the-password");
        webdriver().shouldHave(urlContaining("error"));
        $(shadowCss("[part='error-message']", "vaadin-login-form-wrapper"))
                .shouldBe(visible).shouldHave(text("Incorrect username or password"));
        $("#source-text").shouldNotBe(visible);
    }

    private void signIn(String user, String password) {
        open("http://localhost:" + port + "/login");
        Configuration.baseUrl = "http://localhost:" + port;
        $("#vaadinLoginUsername input").shouldBe(visible).setValue(user);
        $("#vaadinLoginPassword input").setValue(password);
        $("vaadin-login-form vaadin-button[slot='submit']").click();
    }

    private static String normalise(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
