package io.precis.app.library;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.CollectionCondition.sizeGreaterThanOrEqual;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selectors.shadowCss;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.closeWebDriver;
import static com.codeborne.selenide.Selenide.open;
import static com.codeborne.selenide.Selenide.webdriver;
import static com.codeborne.selenide.WebDriverConditions.urlContaining;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;


import io.precis.app.support.HeadlessChrome;
import io.precis.app.support.PrecisIntegrationTest;

/** The Library view in headless Chromium: add by upload and URL, watch it become ready, search, open, summarise, delete. */
@PrecisIntegrationTest
class LibraryBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void configureBrowser() {
        HeadlessChrome.configure("1400x1100");
    }

    @AfterEach
    void closeBrowser() {
        closeWebDriver();
    }

    @Test
    void addSearchOpenSummariseAndDelete() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String collection = "ui-" + token;
        try (TestSite site = new TestSite()) {
            site.page("/harbour.html", "text/html", Samples.ARTICLE_HTML.replace("Harbour park approved</h1>",
                    "Harbour park approved " + token + "</h1>"));
            signIn();
            open("/library");
            $("#library-url input").shouldBe(visible);

            $("#library-collection input").setValue(collection).pressEnter();
            // Drag-and-drop and the button both feed the upload's file input.
            File file = Files.writeString(Files.createTempFile("etna-" + token, ".txt"), LibraryApiTest.VOLCANO).toFile();
            $(shadowCss("input[type='file']", "#library-upload")).uploadFile(file);
            $("#library-url input").setValue(site.url("/harbour.html"));
            $("#library-add-url").click();

            // Both become ready; the grid polls for progress.
            $$("#library-grid vaadin-grid-cell-content").findBy(text(file.getName().replace(".txt", "").substring(0, 12))).shouldBe(visible);
            $$("#library-grid vaadin-grid-cell-content").findBy(text("Harbour park approved")).shouldBe(visible);
            filterBy(collection);
            $$("#library-grid vaadin-grid-cell-content .library-status").filterBy(text("ready"))
                    .shouldHave(size(2), Duration.ofSeconds(60));

            // Search highlights the query's words in the passage.
            $("#library-query input").setValue("swimming pool construction");
            $("#library-search").click();
            $("#library-results .library-passage").shouldBe(visible).shouldHave(text("Harbour park approved"));
            $$("#library-results .library-passage mark").findBy(text("swimming")).shouldBe(visible);

            // A document's detail shows its chunks.
            $$("#library-grid vaadin-grid-cell-content").findBy(text("Harbour park approved")).scrollIntoCenter().click();
            $("vaadin-dialog-overlay").shouldBe(visible).shouldHave(text("chunk"));
            $$(".library-chunk").shouldHave(sizeGreaterThanOrEqual(1));
            $$(".library-chunk").first().shouldHave(text("sea-water swimming pool"));
            $$("vaadin-dialog-overlay vaadin-button").findBy(text("Close")).click();

            // Summarise the selected documents: the summary opens in the history.
            $$("#library-grid vaadin-grid-cell-content vaadin-checkbox").get(1).scrollIntoCenter().click();
            $$("#library-grid vaadin-grid-cell-content vaadin-checkbox").get(2).click();
            $("#library-summarise").scrollIntoCenter().click();
            webdriver().shouldHave(urlContaining("/history/"), Duration.ofSeconds(30));
            $(".summary-sentence").shouldBe(visible);

            // Delete with confirmation.
            open("/library");
            filterBy(collection);
            $$("#library-grid vaadin-grid-cell-content").findBy(text("Harbour park approved")).scrollIntoCenter().shouldBe(visible);
            $$("#library-grid vaadin-grid-cell-content vaadin-checkbox").get(1).click();
            $("#library-delete").click();
            $("vaadin-confirm-dialog-overlay").shouldBe(visible).shouldHave(text("cannot be undone"));
            $$("vaadin-confirm-dialog-overlay vaadin-button").findBy(text("Delete")).click();
            $$("vaadin-notification-card").findBy(text("1 document deleted")).shouldBe(visible);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM documents WHERE collection = ?", Integer.class, collection)).isEqualTo(1);
    }

    /** Shows only the collection's documents: the grid then has just their rows. */
    private static void filterBy(String collection) {
        $("#library-collection-filter input").shouldBe(visible).click();
        $("#library-collection-filter input").setValue(collection);
        $$("vaadin-combo-box-item").findBy(text(collection)).shouldBe(visible).click();
        $$("#library-grid vaadin-grid-cell-content").filterBy(text("test-")).shouldHave(size(0));
    }

    private void signIn() {
        HeadlessChrome.signInAsAdmin(port);
    }
}
