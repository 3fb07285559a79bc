package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.WeeklyDataset;
import dev.closeout.support.Browser;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follow-up pages as a person meets them, in headless Chromium on {@link WeeklyDataset} (today Wednesday
 * 2026-03-11): an editor filters the list by team, closes a follow-up from its row (which updates in place, the
 * page staying loaded) and sees the week in progress count it; a change made meanwhile in another session is said
 * so in the row; a reader finds nothing to change; the list at a phone's width. Screenshots go to
 * app/target/screenshots/.
 */
class FollowupBrowserTest extends BrowserTestBase {

    private static final String JIRA = "https://jira.example.com";


    @Inject
    MovableClock clock;

    WeeklyDataset data;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(MovableClock.on(super.getProperties()));
        properties.put("closeout.jira.base-url", JIRA);
        return properties;
    }

    @BeforeEach
    void openTheBrowserOnTheDataset() {
        data = WeeklyDataset.build(client, clock);
        // b1's ticket, as the Jira sync leaves it once created
        LocalDateTime now = LocalDateTime.ofInstant(WeeklyDataset.TODAY, ZoneOffset.UTC);
        transactions.executeWrite(status -> dsl.insertInto(JIRA_TICKET)
                .set(JIRA_TICKET.ACTION_ID, data.id("b1"))
                .set(JIRA_TICKET.STATE, "synced")
                .set(JIRA_TICKET.ISSUE_ID, "10041")
                .set(JIRA_TICKET.ISSUE_KEY, "WEB-41")
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now)
                .set(JIRA_TICKET.CREATED_AT, now)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .execute());
    }


    @Test
    void anEditorFiltersByTeamClosesAFollowUpAndSeesTheWeekCountIt() {
        WebDriver page = browser.driver();
        page.get(url("/?week=2026-W11"));
        browser.signIn(token("lead", "editor"));
        // Monday 03-09 to today: b2 closed
        assertEquals("1", closed(page));

        page.get(url("/follow-ups"));
        // the filter and the row below update the list in place: the page is never loaded again
        ((JavascriptExecutor) page).executeScript("window.stayed = true");
        page.findElement(By.id("team")).sendKeys("web");
        page.findElement(By.cssSelector("form.filters button[type='submit']")).click();

        browser.waitUntil(shown -> column(shown, 3).equals(List.of("web", "web", "web")));
        assertEquals("team=web", URI.create(page.getCurrentUrl()).getQuery(), "a URL to bookmark");
        assertEquals(3, page.findElements(By.cssSelector("table.followups tbody tr")).size(), "web's b1, b2, d1");
        assertTrue(row(page, data.id("d1")).getText().contains("5 days overdue"));
        WebElement ticket = row(page, data.id("b1")).findElement(By.linkText("WEB-41"));
        assertEquals(JIRA + "/browse/WEB-41", ticket.getAttribute("href"));
        assertTrue(row(page, data.id("b1")).getText().contains("synced WEB-41"));
        assertEquals(List.of(), browser.consoleErrors(), "no script error, no refusal by the page's CSP");
        browser.screenshot("follow-ups");

        // d1, in progress and overdue since 03-06, is done: its row changes, the page stays
        WebElement d1 = row(page, data.id("d1"));
        new Select(d1.findElement(By.name("to"))).selectByValue("done");
        d1.findElement(By.cssSelector("form.row-move button")).click();

        browser.waitUntil(shown -> "done".equals(state(shown, data.id("d1"))));
        assertEquals(true, ((JavascriptExecutor) page).executeScript("return window.stayed"), "not reloaded");
        assertEquals("team=web", URI.create(page.getCurrentUrl()).getQuery(), "still the filtered list");
        assertFalse(row(page, data.id("d1")).getText().contains("overdue"), "done work is not overdue");
        assertEquals(List.of("open"), new Select(row(page, data.id("d1")).findElement(By.name("to"))).getOptions()
                .stream().map(WebElement::getText).toList(), "done moves back to open only");
        assertEquals(List.of(), browser.consoleErrors(), "htmx runs under the page's CSP");
        browser.screenshot("follow-ups-moved");

        // back is the list before the filter, from the server
        page.navigate().back();
        browser.waitUntil(shown -> shown.findElements(By.cssSelector("table.followups tbody tr")).size() == 9);
        assertEquals(null, URI.create(page.getCurrentUrl()).getQuery());
        assertEquals("done", state(page, data.id("d1")));

        // tall enough to show the history in the screenshot
        page.manage().window().setSize(new Dimension(1280, 1200));
        browser.clickToNextPage(page.findElement(By.linkText("Add a CDN cache rule for product pages")));
        assertEquals("Add a CDN cache rule for product pages", page.findElement(By.tagName("h1")).getText());
        assertTrue(page.findElement(By.cssSelector("table.history tbody tr")).getText()
                .contains("token:lead status: in_progress → done"), "the newest change first");
        browser.screenshot("follow-up");

        page.get(url("/?week=2026-W11"));
        assertEquals("2", closed(page), "the week in progress counts it");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aChangeMadeMeanwhileInAnotherSessionIsSaidSoInTheRow() {
        WebDriver page = browser.driver();
        page.get(url("/follow-ups?team=web"));
        browser.signIn(token("lead", "editor"));
        long d1 = data.id("d1");
        ((JavascriptExecutor) page).executeScript("window.stayed = true");

        // another editor, in their own browser, gives d1 to ana from the same list
        try (Browser other = Browser.open()) {
            WebDriver theirs = other.driver();
            theirs.get(url("/follow-ups?team=web"));
            other.signIn(token("other-lead", "editor"));
            WebElement their = row(theirs, d1);
            their.findElement(By.tagName("summary")).click();
            WebElement owner = their.findElement(By.name("owner"));
            owner.clear();
            owner.sendKeys("ana");
            their.findElement(By.cssSelector("details.row-edit button")).click();
            other.waitUntil(shown -> row(shown, d1).findElement(By.cssSelector("td:nth-child(4)")).getText()
                    .equals("ana"));
        }

        // this page still shows kim and the version before: its move is refused, in the row
        WebElement mine = row(page, d1);
        new Select(mine.findElement(By.name("to"))).selectByValue("done");
        mine.findElement(By.cssSelector("form.row-move button")).click();

        String message = browser.waitUntil(shown -> row(shown, d1).findElement(By.className("message")).getText());
        assertEquals(FollowupPageController.STALE, message);
        assertEquals("in progress", state(page, d1), "nothing saved");
        assertEquals("ana", row(page, d1).findElement(By.cssSelector("td:nth-child(4)")).getText(),
                "the row shows their change");
        assertEquals(true, ((JavascriptExecutor) page).executeScript("return window.stayed"), "not reloaded");
        // the browser reports the refusal's status itself; nothing else may show there
        assertEquals(List.of(), browser.consoleErrors().stream().filter(error -> !error.contains("status of 409")).toList());
        browser.screenshot("follow-ups-stale");
    }

    @Test
    void anEditorDismissesASentenceTakenForAFollowUpAndRestoresIt() {
        WebDriver page = browser.driver();
        long c1 = data.id("c1");
        page.get(url("/follow-ups/" + c1));
        browser.signIn(token("lead", "editor"));

        // the browser will not send the form without a reason
        page.findElement(By.xpath("//button[text()='Dismiss it']")).click();
        assertEquals(url("/follow-ups/" + c1), page.getCurrentUrl(), "not sent");
        page.findElement(By.id("dismissal")).sendKeys("a line of the timeline, not work to do");
        browser.clickToNextPage(page.findElement(By.xpath("//button[text()='Dismiss it']")));

        assertEquals("Dismissed as no follow-up: a line of the timeline, not work to do",
                page.findElement(By.cssSelector("main > p.message")).getText());
        assertTrue(page.findElements(By.xpath("//button[text()='Move']")).isEmpty(), "nothing to change but restore");
        String history = page.findElement(By.cssSelector("table.history tbody")).getText();
        assertTrue(history.contains("token:lead dismissed: false → true"), history);
        assertTrue(history.contains("token:lead dismissal reason: – → a line of the timeline, not work to do"), history);
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("follow-up-dismissed");

        page.get(url("/follow-ups"));
        assertTrue(page.findElements(By.cssSelector("tr[data-id='" + c1 + "']")).isEmpty(), "out of the list");

        page.get(url("/follow-ups/" + c1));
        browser.clickToNextPage(page.findElement(By.xpath("//button[text()='Restore this follow-up']")));
        assertTrue(page.findElements(By.cssSelector("main > p.message")).isEmpty());
        assertEquals(1, page.findElements(By.xpath("//button[text()='Move']")).size());
        page.get(url("/follow-ups"));
        assertEquals(1, page.findElements(By.cssSelector("tr[data-id='" + c1 + "']")).size(), "listed again");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aReaderFindsNothingToChange() {
        WebDriver page = browser.driver();
        page.get(url("/follow-ups"));
        browser.signIn(token("viewer", "reader"));

        assertEquals(9, page.findElements(By.cssSelector("table.followups tbody tr")).size());
        assertTrue(page.findElements(By.cssSelector("form[action^='/follow-ups/']")).isEmpty(), "no edit controls");

        page.get(url("/follow-ups/" + data.id("b1")));
        assertEquals("Delete old index snapshots nightly", page.findElement(By.tagName("h1")).getText());
        assertTrue(page.findElement(By.className("facts")).getText().contains("19 days overdue"));
        assertTrue(page.findElements(By.cssSelector("form[action^='/follow-ups/']")).isEmpty(), "no edit controls");
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("follow-up-reader");
    }

    @Test
    void theListFitsAPhonesWidth() {
        WebDriver page = onAPhone();
        page.get(url("/follow-ups?overdue=true"));
        browser.signIn(token("phone", "editor"));

        browser.assertNoSidewaysScrolling();
        assertEquals(2, page.findElements(By.cssSelector("table.followups tbody tr")).size());
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("follow-ups-phone");
    }



    private static String closed(WebDriver page) {
        return page.findElement(By.cssSelector("tr[data-metric='followups_closed'] .value")).getText();
    }

    /** The status a row shows. */
    private static String state(WebDriver page, long id) {
        return row(page, id).findElement(By.className("state")).getText();
    }

    private static WebElement row(WebDriver page, long id) {
        return page.findElement(By.cssSelector("table.followups tr[data-id='" + id + "']"));
    }

    /** The text of column {@code n} (from 1) of every row of the list. */
    private static List<String> column(WebDriver page, int n) {
        return page.findElements(By.cssSelector("table.followups tbody td:nth-child(" + n + ")")).stream()
                .map(WebElement::getText).toList();
    }
}
