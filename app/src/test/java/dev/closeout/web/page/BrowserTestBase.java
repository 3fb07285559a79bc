package dev.closeout.web.page;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Browser;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/**
 * What the browser tests share: a headless Chromium at desktop width for each test (closed after it, whatever
 * happened), one at a phone's width when a test asks for it, and the running server's URLs.
 */
abstract class BrowserTestBase extends ApiTestBase {

    /** A phone's screen, CSS pixels wide. */
    static final int PHONE_WIDTH = 390;

    @Inject
    EmbeddedServer server;

    Browser browser;

    @BeforeEach
    void openTheBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    /** Swaps the desktop browser for one on a phone's screen; answers its driver. */
    WebDriver onAPhone() {
        browser.close();
        browser = Browser.open(PHONE_WIDTH);
        return browser.driver();
    }

    String url(String path) {
        return server.getURL() + path;
    }
}
