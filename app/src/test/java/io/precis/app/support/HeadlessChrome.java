package io.precis.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeOptions;

import com.codeborne.selenide.Configuration;

/** Selenide on the system's headless Chromium, the same for every browser test. */
public final class HeadlessChrome {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChrome() {
    }

    /** Call from {@code @BeforeAll}; {@code size} is the window, e.g. "1400x1000". */
    public static void configure(String size) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and its driver are needed: apt-get install -y chromium chromium-driver (./precis test does it)")
                .isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Configuration.browser = "chrome";
        Configuration.browserBinary = CHROMIUM.toString();
        Configuration.headless = false; // --headless=new is among the arguments below
        Configuration.browserCapabilities = new ChromeOptions().addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        Configuration.browserSize = size;
        Configuration.timeout = 20_000; // the first Vaadin page load of a fresh app can be slow
        Configuration.pageLoadTimeout = 60_000;
        Configuration.reportsFolder = "target/selenide/reports";
        Configuration.downloadsFolder = "target/selenide/downloads";
        Configuration.savePageSource = false;
    }

    /** Opens the login page of the app on {@code port} and signs in as the test admin. */
    public static void signInAsAdmin(int port) {
        com.codeborne.selenide.Configuration.baseUrl = "http://localhost:" + port;
        com.codeborne.selenide.Selenide.open("/login");
        com.codeborne.selenide.Selenide.$("#vaadinLoginUsername input").shouldBe(com.codeborne.selenide.Condition.visible).setValue("admin");
        com.codeborne.selenide.Selenide.$("#vaadinLoginPassword input").setValue("test-admin-password");
        com.codeborne.selenide.Selenide.$("vaadin-login-form vaadin-button[slot='submit']").click();
        com.codeborne.selenide.Selenide.$("#view-title").shouldBe(com.codeborne.selenide.Condition.visible);
    }
}
