package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.WeeklyDataset;


import io.micronaut.http.HttpRequest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard as a person meets it, in a real headless Chromium against the running server and MariaDB, on
 * {@link WeeklyDataset} (today Wednesday 2026-03-11): sent to sign in, the weekly review's numbers, a follow-up
 * closed elsewhere showing in them, the four charts drawn with the reports' numbers, a team's reader held to its
 * team, sign-out, the phone width. A page that breaks its Content-Security-Policy or a script shows as a console
 * error. Each test leaves a screenshot in app/target/screenshots/.
 */
class DashboardBrowserTest extends BrowserTestBase {


    @Inject
    MovableClock clock;

    WeeklyDataset data;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void openTheBrowserOnTheDataset() {
        data = WeeklyDataset.build(client, clock);
    }


    @Test
    void aReaderSignsInReadsTheWeekAndSignsOut() {
        WebDriver page = browser.driver();
        page.get(url("/?week=2026-W10"));
        assertEquals("/login", path(page), "a page without a session sends the person to sign in");

        browser.signIn(token("review-lead", "reader"));

        assertEquals("/", path(page), "back where the person was going");
        assertEquals("Weekly review 2026-W10", page.findElement(By.tagName("h1")).getText());
        // WeeklyReviewApiTest counts these by hand; the week before (W09) had no creation or closing
        assertEquals(Map.of("followups_created", "3", "followups_closed", "4", "open_at_end", "4",
                "overdue_at_end", "3", "on_time_rate", "33%", "median_days_to_close", "50.4 days"), headlines(page));
        assertEquals("+4", change(page, "followups_closed"));
        assertTrue(page.findElement(By.linkText("Download CSV")).isDisplayed());
        assertEquals(List.of(), browser.consoleErrors(), "no script error, no refusal by the page's CSP");
        browser.screenshot("weekly-review");

        browser.clickToNextPage(page.findElement(By.cssSelector("form[action='/logout'] button")));
        assertEquals("/login", path(page));
        page.get(url("/?week=2026-W10"));
        assertEquals("/login", path(page), "signed out: the session is gone");
    }

    @Test
    void theFourChartsDrawTheReviewsAndTheOverdueReportsNumbers() {
        WebDriver page = browser.driver();
        page.get(url("/login"));
        browser.signIn(token("chart-reader", "reader"));
        page.get(url("/?week=2026-W10"));

        Map<String, Object> review = getJson("/api/reports/weekly?week=2026-W10");
        List<Map<String, Object>> trend = objects(review.get("trend"));
        Map<String, List<List<Long>>> expected = Map.of(
                "backlog", List.of(column(trend, "open"), column(trend, "overdue")),
                "closures", List.of(column(trend, "closed"), column(trend, "created")),
                "teams", List.of(column(objects(review.get("by_team")), "overdue")),
                "ages", List.of(column(objects(getJson("/api/reports/overdue").get("by_age")), "count")));
        for (Map.Entry<String, List<List<Long>>> chart : expected.entrySet()) {
            WebElement element = page.findElement(By.id("chart-" + chart.getKey()));
            assertEquals(chart.getValue(), drawnSeries(page, element), chart.getKey() + ": the numbers ECharts was given");
            assertTrue(drawnArea(page, element) > 0, chart.getKey() + ": drawn on a canvas with a size");
        }
        // the legend names each colour: the series' names are the table's headings
        assertEquals(List.of("Open", "Overdue"), ((JavascriptExecutor) page).executeScript("return echarts"
                + ".getInstanceByDom(arguments[0]).getOption().series.map(function (s) { return s.name; })",
                page.findElement(By.id("chart-backlog"))));
        assertEquals(List.of(), browser.consoleErrors(), "no script error, no refusal by the page's CSP");
        ((JavascriptExecutor) page).executeScript("document.getElementById('charts').scrollIntoView()");
        browser.screenshot("weekly-review-charts");
    }

    @Test
    void pointingAtAWeekOfTheBacklogChartShowsItsNumbersWithinThePagesPolicy() {
        WebDriver page = browser.driver();
        page.get(url("/login"));
        browser.signIn(token("tooltip-reader", "reader"));
        page.get(url("/?week=2026-W10"));
        List<Map<String, Object>> trend = objects(getJson("/api/reports/weekly?week=2026-W10").get("trend"));
        Map<String, Object> lastWeek = trend.get(trend.size() - 1);

        WebElement chart = page.findElement(By.id("chart-backlog"));
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView()", chart);
        // the right edge of the plot is the reviewed week, the last of the twelve
        int width = chart.getRect().getWidth();
        new Actions(page).moveToElement(chart, width / 2 - 24, 0).perform();

        String tip = new WebDriverWait(page, Duration.ofSeconds(10)).until(driver -> {
            List<WebElement> tips = chart.findElements(By.className("chart-tip"));
            return tips.isEmpty() || tips.get(0).getText().isBlank() ? null : tips.get(0).getText();
        });
        assertEquals(String.join("\n", String.valueOf(lastWeek.get("week")), "Open: " + lastWeek.get("open"),
                "Overdue: " + lastWeek.get("overdue")), tip, "the week pointed at and its two numbers, named");
        assertEquals(List.of(), browser.consoleErrors(), "the tooltip breaks no CSP rule (no inline style)");
        browser.screenshot("weekly-review-tooltip");
    }

    @Test
    void aFollowUpClosedThroughTheApiShowsInTheWeekInProgress() {
        WebDriver page = browser.driver();
        page.get(url("/?week=2026-W11"));
        browser.signIn(token("review-lead", "reader"));
        // Monday 03-09 to today: e1 created, b2 done; open now b1, c1, d1, e1; overdue b1, d1
        Map<String, String> before = headlines(page);
        assertEquals(List.of("1", "4", "2"), List.of(before.get("followups_closed"), before.get("open_at_end"),
                before.get("overdue_at_end")));

        // d1, overdue since 03-06, is done now: someone closes it while the page is open
        client.exchange(HttpRequest.POST("/api/actions/" + data.id("d1") + "/transitions", Map.of("to", "done"))
                .bearerAuth(ADMIN));
        page.navigate().refresh();

        Map<String, String> after = headlines(page);
        assertEquals(List.of("2", "3", "1"), List.of(after.get("followups_closed"), after.get("open_at_end"),
                after.get("overdue_at_end")));
        browser.screenshot("weekly-review-in-progress");
    }

    @Test
    void aTeamsReaderSeesItsTeamOnlyAndNoTeamPicker() {
        WebDriver page = browser.driver();
        page.get(url("/?week=2026-W10"));
        browser.signIn(data.webReader);

        assertTrue(page.findElements(By.id("team")).isEmpty(), "a team's reader has no team to pick");
        assertTrue(page.findElement(By.className("period")).getText().contains("team web"));
        assertEquals("3", headlines(page).get("open_at_end"));

        page.get(url("/?week=2026-W10&team=pay"));
        assertEquals("403", page.findElement(By.tagName("h1")).getText(), "another team's review is refused");
        assertTrue(page.findElement(By.cssSelector("[role='alert']")).isDisplayed());
        browser.screenshot("weekly-review-other-team-refused");
    }

    @Test
    void thePageFitsAPhonesWidth() {
        WebDriver page = onAPhone();
        page.get(url("/login"));
        browser.signIn(token("phone", "reader"));
        page.get(url("/?week=2026-W10"));

        browser.assertNoSidewaysScrolling();
        long viewport = (Long) ((JavascriptExecutor) page).executeScript("return window.innerWidth");
        assertTrue(page.findElement(By.cssSelector("table.headlines")).isDisplayed());
        for (WebElement chart : page.findElements(By.cssSelector("[data-chart]"))) {
            // each chart as wide as its place on the phone, and drawn
            Number drawn = (Number) ((JavascriptExecutor) page).executeScript(
                    "return arguments[0].querySelector('canvas').getBoundingClientRect().width", chart);
            assertTrue(drawn.doubleValue() > 0 && drawn.doubleValue() <= viewport,
                    chart.getAttribute("id") + " is " + drawn + " px wide");
        }
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("weekly-review-phone");
        ((JavascriptExecutor) page).executeScript("document.getElementById('charts').scrollIntoView()");
        browser.screenshot("weekly-review-phone-charts");
    }

    /** The data of each series ECharts holds for the chart drawn in {@code element}. */
    @SuppressWarnings("unchecked")
    private static List<List<Long>> drawnSeries(WebDriver page, WebElement element) {
        return (List<List<Long>>) ((JavascriptExecutor) page).executeScript("return echarts.getInstanceByDom("
                + "arguments[0]).getOption().series.map(function (s) { return s.data; })", element);
    }

    private static double drawnArea(WebDriver page, WebElement element) {
        return ((Number) ((JavascriptExecutor) page).executeScript("var box = arguments[0].querySelector('canvas')"
                + ".getBoundingClientRect(); return box.width * box.height", element)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object list) {
        return (List<Map<String, Object>>) list;
    }

    /** A column of JSON numbers as the browser's script answers numbers: Long. */
    private static List<Long> column(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(row -> ((Number) row.get(key)).longValue()).toList();
    }


    private static String path(WebDriver page) {
        return URI.create(page.getCurrentUrl()).getPath();
    }


    /** The headline numbers as the page shows them, by their {@code data-metric}. */
    private static Map<String, String> headlines(WebDriver page) {
        Map<String, String> values = new LinkedHashMap<>();
        for (WebElement row : page.findElements(By.cssSelector("table.headlines tr[data-metric]"))) {
            values.put(row.getAttribute("data-metric"), row.findElement(By.className("value")).getText());
        }
        return values;
    }

    private static String change(WebDriver page, String metric) {
        return page.findElement(By.cssSelector("tr[data-metric='" + metric + "'] .change")).getText();
    }
}
