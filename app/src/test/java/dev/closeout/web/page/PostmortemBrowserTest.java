package dev.closeout.web.page;



import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The postmortem pages as an editor meets them, in a real headless Chromium against the running server and MariaDB,
 * on {@link TwoTeams}: a postmortem pasted into the import form, its page with its follow-ups and the lines they come
 * from, the root cause corrected there, the list filtered by service, and a postmortem full of script tags that
 * stays text. A page that breaks its Content-Security-Policy or runs a script shows as a console error. Screenshots
 * go to app/target/screenshots/.
 */
class PostmortemBrowserTest extends BrowserTestBase {

    static final String PASTED = """
            # Postmortem: Storefront images missing after a CDN change

            **Service:** Storefront
            **Incident start:** 2025-08-19 07:30 UTC
            **Incident end:** 2025-08-19 08:45 UTC

            ## Root cause
            A configuration change to the CDN's origin rules sent image requests to a bucket that did not exist,
            so product pages showed no images.

            ## Action items

            - Validate CDN origin rules in CI before they are applied
            - Alert when the storefront's image error rate passes 5%
            """;


    TwoTeams teams;

    @BeforeEach
    void openTheBrowserOnTwoTeams() {
        teams = TwoTeams.setUp(client);
    }


    @Test
    void anEditorImportsAPostmortemReadsItAndCorrectsItsRootCause() {
        WebDriver page = browser.driver();
        page.get(url("/import"));
        browser.signIn(token("incident-lead", "editor"));
        assertEquals("/import", path(page), "back to the import form after signing in");

        page.findElement(By.id("text")).sendKeys(PASTED);
        page.findElement(By.id("source")).sendKeys("wiki/storefront-images-2025-08");
        browser.screenshot("import");
        browser.clickToNextPage(page.findElement(By.cssSelector("form.import button[type='submit']")));
        waitFor(page, ExpectedConditions.urlMatches("/postmortems/\\d+$"));

        assertTrue(path(page).matches("/postmortems/\\d+"), path(page));
        assertEquals("Postmortem: Storefront images missing after a CDN change",
                page.findElement(By.tagName("h1")).getText());
        List<WebElement> followUps = page.findElements(By.cssSelector("table.followups tbody tr"));
        assertEquals(2, followUps.size());
        assertTrue(followUps.get(0).getText().contains("Validate CDN origin rules in CI before they are applied"));
        List<WebElement> marked = page.findElements(By.cssSelector("ol.source li.marked"));
        assertEquals(2, marked.size(), "each follow-up's line is marked");
        assertTrue(marked.get(0).getText().contains("- Validate CDN origin rules in CI"), marked.get(0).getText());
        assertTrue(marked.get(0).findElement(By.tagName("a")).getAttribute("href").contains("/follow-ups/"));
        assertEquals(List.of(), browser.consoleErrors(), "no script error, no refusal by the page's CSP");
        wholePage(page);
        browser.screenshot("postmortem");

        String before = page.findElement(By.cssSelector(".classes .component")).getText();
        String corrected = "cache".equals(before) ? "storage" : "cache";
        new Select(page.findElement(By.id("component"))).selectByValue(corrected);
        browser.clickToNextPage(page.findElement(By.cssSelector("form.correction button[type='submit']")));

        waitFor(page, ExpectedConditions.textToBe(By.cssSelector(".classes .component"), corrected));
        assertTrue(path(page).matches("/postmortems/\\d+"), path(page));
        assertTrue(page.findElement(By.cssSelector("dl.incident")).getText().contains("root_cause.component"),
                "the page says what a person corrected");
        browser.screenshot("postmortem-corrected");
    }

    @Test
    void theListFiltersByService() {
        WebDriver page = browser.driver();
        page.get(url("/postmortems"));
        browser.signIn(token("review-lead", "reader"));
        assertEquals(3, rows(page).size());

        page.findElement(By.id("service")).sendKeys("Checkout");
        browser.clickToNextPage(page.findElement(By.cssSelector("form.postmortem-filters button[type='submit']")));

        // the filter is in the URL, to bookmark
        waitFor(page, ExpectedConditions.urlContains("service=Checkout"));
        List<WebElement> rows = rows(page);
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().contains("Incident PIR: Checkout API latency (INC-2291)"));
        assertTrue(page.findElements(By.linkText("Import")).isEmpty(), "a reader is offered no import");
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("postmortems-filtered");

        browser.clickToNextPage(page.findElement(By.linkText("Clear filters")));
        waitFor(page, ExpectedConditions.not(ExpectedConditions.urlContains("service=")));
        assertEquals(3, rows(page).size());
        browser.screenshot("postmortems");
    }

    @Test
    void scriptInAPostmortemStaysText() {
        Map<String, Object> imported = teams.importMarkdown("wiki/banner", PostmortemPagesTest.SCRIPTED);
        long id = id(imported);
        client.exchange(HttpRequest.PATCH("/api/postmortems/" + id, Map.of(
                "title", "Postmortem: <script>alert(1)</script> storefront",
                "root_cause", Map.of("summary", "A banner with <script>alert(1)</script> in it"))).bearerAuth(ADMIN));
        WebDriver page = browser.driver();
        page.get(url("/postmortems/" + id));
        browser.signIn(ADMIN);

        assertEquals("Postmortem: <script>alert(1)</script> storefront", page.findElement(By.tagName("h1")).getText());
        assertThrows(NoAlertPresentException.class, () -> page.switchTo().alert());
        assertEquals(List.of(), browser.consoleErrors());
        page.get(url("/postmortems"));
        assertNotEquals(List.of(), rows(page));
        assertThrows(NoAlertPresentException.class, () -> page.switchTo().alert());
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("postmortem-escaped");
    }

    @Test
    void aPostmortemFitsAPhonesWidth() {
        WebDriver page = onAPhone();
        page.get(url("/postmortems/" + teams.payCheckout));
        browser.signIn(ADMIN);

        browser.assertNoSidewaysScrolling();
        assertEquals(3, page.findElements(By.cssSelector("ol.source li.marked")).size());
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("postmortem-phone");
    }

    /** Waits for what a click leads to: a click returns before the next page may have loaded. */
    private static void waitFor(WebDriver page, ExpectedCondition<?> condition) {
        new WebDriverWait(page, Duration.ofSeconds(10)).until(condition);
    }

    /** Makes the window as tall as the page, so its screenshot shows all of it. */
    private static void wholePage(WebDriver page) {
        long height = (Long) ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollHeight");
        page.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 120, 4000)));
    }


    private static List<WebElement> rows(WebDriver page) {
        return page.findElements(By.cssSelector("table.postmortems tbody tr"));
    }

    private static String path(WebDriver page) {
        return URI.create(page.getCurrentUrl()).getPath();
    }

}
