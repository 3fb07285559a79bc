package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.RecurringDataset;



import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /recurring} as a person meets it, in a real headless Chromium on {@link RecurringDataset} (today
 * 2026-03-10): sign in, the last year's causes, a wider range picked in the form, a cause's incidents opened,
 * and the phone width, where the heatmap scrolls inside its box. Screenshots in app/target/screenshots/.
 */
class RecurringBrowserTest extends BrowserTestBase {


    @Inject
    MovableClock clock;


    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void openTheBrowserOnTheDataset() {
        RecurringDataset.create(client, clock);
    }


    @Test
    void aReaderPicksARangeAndOpensACausesIncidents() {
        WebDriver page = browser.driver();
        page.get(url("/recurring"));
        browser.signIn(token("review-lead", "reader"));
        assertEquals("/recurring", URI.create(page.getCurrentUrl()).getPath(), "back where the person was going");
        // the last 365 days: D2 and G (cache), E1 and E2 (application)
        assertEquals(List.of("cache / configuration-change", "application / code-change"), causes(page));

        setDate(page, "from", "2024-01-01");
        browser.clickToNextPage(page.findElement(By.cssSelector("form.pickers button[type='submit']")));

        assertTrue(page.getCurrentUrl().contains("from=2024-01-01"), "the range is in the URL: " + page.getCurrentUrl());
        assertEquals(List.of("cache / configuration-change", "database / resource-exhaustion",
                "application / code-change", "certificate / expiry", "third-party / dependency-failure"), causes(page));
        WebElement database = page.findElement(By.cssSelector("tr[data-cause='database / resource-exhaustion']"));
        assertEquals("fixed but recurred", database.findElement(By.className("badge")).getText());
        assertEquals("1", database.findElement(By.cssSelector("td[data-quarter='2024-Q3']")).getText());
        WebElement firstIncident = database.findElement(By.cssSelector("ol.incidents li"));
        assertFalse(firstIncident.isDisplayed(), "the incidents are folded away at first");

        database.findElement(By.tagName("summary")).click();

        assertTrue(firstIncident.isDisplayed());
        assertEquals("2024-03-05 Postmortem: Checkout incident A1", firstIncident.getText());
        assertTrue(database.findElement(By.linkText("All 3 in Postmortems")).isDisplayed());
        assertEquals(List.of(), browser.consoleErrors(), "no script error, no refusal by the page's CSP");
        browser.screenshot("recurring");
    }

    @Test
    void theHeatmapScrollsInsideItsBoxAtAPhonesWidth() {
        WebDriver page = onAPhone();
        page.get(url("/login"));
        browser.signIn(token("phone", "reader"));
        page.get(url("/recurring?from=2024-01-01&to=2026-03-10"));

        JavascriptExecutor script = (JavascriptExecutor) page;
        browser.assertNoSidewaysScrolling();
        WebElement box = page.findElement(By.cssSelector("div.scroll"));
        long tableWidth = (Long) script.executeScript("return arguments[0].scrollWidth", box);
        long boxWidth = (Long) script.executeScript("return arguments[0].clientWidth", box);
        assertTrue(tableWidth > boxWidth, "the eight quarters scroll inside the box: " + tableWidth + " <= " + boxWidth);
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("recurring-phone");
    }



    /**
     * Sets a date field as its picker would: typing into one depends on the browser's locale (day first or month
     * first), the value it submits does not.
     */
    private static void setDate(WebDriver page, String id, String date) {
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", page.findElement(By.id(id)),
                date);
    }

    private static List<String> causes(WebDriver page) {
        return page.findElements(By.cssSelector("table.heatmap tbody tr")).stream()
                .map(row -> row.getAttribute("data-cause")).toList();
    }
}
