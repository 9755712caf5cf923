package io.precis.app.selfcheck;

import static com.codeborne.selenide.CollectionCondition.sizeGreaterThanOrEqual;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.precis.app.support.BrowserTest;
import io.precis.app.support.HeadlessChrome;

/** The console's Runbooks page in a browser: read a runbook, run an action behind its confirmation, see the run. */
class RunbooksBrowserTest extends BrowserTest {

    @Test
    void readARunbookAndRunTheSmokeCheck() {
        HeadlessChrome.signInAsAdmin(port);
        $$("vaadin-side-nav-item").findBy(text("Runbooks")).shouldBe(visible).click();
        $("#view-title").shouldHave(text("Runbooks"));

        $$("#runbook-pages vaadin-item").shouldHave(sizeGreaterThanOrEqual(5));
        $$("#runbook-pages vaadin-item").findBy(text("Security incident")).scrollIntoCenter().click();
        $("#runbook-page h1").shouldHave(text("Security incident"));
        $("#runbook-page").shouldHave(text("Revoke all sessions"));

        $("#runbook-action-smoke-check").scrollIntoCenter().click();
        $("vaadin-confirm-dialog-overlay").shouldBe(visible).shouldHave(text("Run smoke check?"));
        $$("vaadin-confirm-dialog-overlay vaadin-button").findBy(text("Run")).click();
        $$("vaadin-notification-card").findBy(text("Smoke check passed")).shouldBe(visible, Duration.ofSeconds(30));
        $("#runbook-result-detail").shouldBe(visible).shouldHave(text("summarise"), text("ms"));
        $$("vaadin-dialog-overlay vaadin-button").findBy(text("Close")).click();
        $$("#runbook-runs vaadin-grid-cell-content").findBy(text("Run smoke check")).shouldBe(visible);
        $$("#runbook-runs vaadin-grid-cell-content").findBy(text("admin")).shouldBe(visible);
    }
}
