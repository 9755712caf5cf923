package io.precis.app.support;

import static com.codeborne.selenide.Selenide.closeWebDriver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test on the whole app: headless Chromium set up before, closed after each test. */
@PrecisIntegrationTest
public abstract class BrowserTest {
    @LocalServerPort
    protected int port;

    @BeforeAll
    static void configureBrowser() {
        HeadlessChrome.configure("1400x1100");
    }

    @AfterEach
    void closeBrowser() {
        closeWebDriver();
    }
}
