package io.precis.app.research;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.precis.app.library.LibraryService;
import io.precis.app.library.Viewer;
import io.precis.app.support.BrowserTest;
import io.precis.app.support.HeadlessChrome;

/** The Research view in headless Chromium: ask, watch the plan, sources and log arrive, read the report, open a citation. */
class ResearchBrowserTest extends BrowserTest {
    @Autowired
    LibraryService library;

    @Test
    void asksWatchesAndOpensTheCitedPassage() {
        String collection = "ui-research-" + UUID.randomUUID().toString().substring(0, 8);
        for (Map.Entry<String, String> e : ResearchApiTest.HARBOUR.entrySet()) {
            library.ingestNow(new Viewer("admin", false), e.getKey(), e.getValue(), collection);
        }
        HeadlessChrome.signInAsAdmin(port);

        open("/research");
        $("#research-question textarea").shouldBe(visible).setValue("Who appoints the board of the harbour authority?");
        $("#research-depth input").setValue("1");
        $("#research-breadth input").setValue("2");
        $("#research-provider input").setValue("library");
        $("#research-provider input").pressEnter();
        $("#research-collection input").setValue(collection);
        $("#research-start").click();

        $("#research-status").shouldHave(text("done"), Duration.ofSeconds(60));
        $$("#research-plan vaadin-grid-cell-content").findBy(text("Who appoints the board of the harbour authority?")).shouldBe(visible);
        $$("#research-sources .research-source").first().shouldHave(text("library"));
        $("#research-report").shouldHave(text("cited sentences"));
        $$("#research-bibliography li").first().shouldHave(text("Harbour"));
        $$("#research-report .research-cite").first().scrollIntoView("{block: \"center\"}").click();
        $("#research-passage").shouldBe(visible).shouldHave(text("harbour"));
        $("vaadin-dialog-overlay vaadin-button").click();
        $("#research-passage").shouldNot(com.codeborne.selenide.Condition.exist);
        $("#research-feedback-comment input").setValue("Answers the question");
        $("#research-thumb-up").scrollIntoView("{block: \"center\"}").click();
        $("#research-feedback-count").shouldHave(text("1 judgements so far"));

        // the job's own address resumes watching it in a fresh page
        String address = com.codeborne.selenide.WebDriverRunner.url();
        org.assertj.core.api.Assertions.assertThat(address).matches(".*/research/[0-9a-f-]{36}");
        open(address);
        $("#research-status").shouldHave(text("done"));
        $("#research-report").shouldHave(text("Who appoints the board of the harbour authority"));
    }
}
