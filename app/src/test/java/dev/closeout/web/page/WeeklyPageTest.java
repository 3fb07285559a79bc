package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.WeeklyDataset;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /} on {@link WeeklyDataset}: the headline numbers WeeklyReviewApiTest counts by hand for 2026-W10, with
 * their change from 2026-W09 (its trend row: open 4, overdue 1, nothing created or closed, nothing due, nothing
 * closed), the oldest overdue, the causes that came back, the exports, the team scope and escaping.
 */
class WeeklyPageTest extends PageTestBase {

    @Inject
    MovableClock clock;

    WeeklyDataset data;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void buildTheDataset() {
        data = WeeklyDataset.build(client, clock);
    }

    @Test
    void showsTheLastCompleteWeeksHeadlineNumbersWithTheirChange() {
        String html = flat(body(page("/", signIn(ADMIN))));

        assertTrue(html.contains("Weekly review <span>2026-W10</span>"), html);
        assertHeadline(html, "followups_created", "Created", "3", "+3");
        assertHeadline(html, "followups_closed", "Closed", "4", "+4");
        assertHeadline(html, "open_at_end", "Open at the end", "4", "±0");
        assertHeadline(html, "overdue_at_end", "Overdue at the end", "3", "+2");
        // one of the three due in the week closed on time; nothing was due in W09
        assertHeadline(html, "on_time_rate", "Closed on time", "33%", "–");
        // 50.4375, and nothing closed in W09
        assertHeadline(html, "median_days_to_close", "Median time to close", "50.4 days", "–");
    }

    @Test
    void listsTheOldestOverdueAndTheCausesThatCameBack() {
        String html = flat(body(page("/?week=2026-W10", signIn(ADMIN))));

        assertTrue(html.contains("<a href=\"/api/actions/" + data.id("b1") + "\">Delete old index snapshots nightly</a>"),
                html);
        assertTrue(html.contains("16 days overdue"), html);
        assertTrue(html.contains("<a href=\"/api/actions/" + data.id("d1") + "\">Add a CDN cache rule for product pages</a>"),
                html);
        assertTrue(html.contains("<strong><span>database</span> / <span>code-change</span></strong>"), html);
        assertTrue(html.contains("id=\"charts\""), "the charts' place is there, empty");
        assertTrue(html.contains("href=\"/weekly.md?week=2026-W10\">Copy as Markdown</a>"), html);
        assertTrue(html.contains("href=\"/weekly.csv?week=2026-W10\">Download CSV</a>"), html);
    }

    @Test
    void exportsTheSameMarkdownAndCsvAsTheApi() {
        String session = signIn(ADMIN);

        // as a link is followed: the browser accepts anything
        HttpResponse<String> markdown = send(HttpRequest.GET("/weekly.md?week=2026-W10")
                .cookie(Cookie.of(COOKIE, session)));
        HttpResponse<String> csv = send(HttpRequest.GET("/weekly.csv?week=2026-W10").cookie(Cookie.of(COOKIE, session)));

        assertEquals(client.retrieve(HttpRequest.GET("/api/reports/weekly?week=2026-W10&format=markdown")
                .bearerAuth(ADMIN)), body(markdown));
        assertEquals(client.retrieve(HttpRequest.GET("/api/reports/weekly?week=2026-W10&format=csv")
                .bearerAuth(ADMIN)), body(csv));
        assertEquals(HttpStatus.SEE_OTHER, send(HttpRequest.GET("/weekly.csv")).getStatus(), "needs a session");
    }

    @Test
    void showsATeamScopedSessionItsOwnTeamAndRefusesAnother() {
        String session = signIn(data.webReader);

        String own = flat(body(page("/?week=2026-W10", session)));
        HttpResponse<String> other = page("/?week=2026-W10&team=pay", session);

        // web's week: b1, b2 and d1 open and overdue at its end, nothing closed; at the end of W09 only b2 was
        // open (b1 done on 02-19, reopened 03-05), and not yet overdue (due 03-06)
        assertHeadline(own, "open_at_end", "Open at the end", "3", "+2");
        assertHeadline(own, "overdue_at_end", "Overdue at the end", "3", "+3");
        assertHeadline(own, "followups_closed", "Closed", "0", "±0");
        assertFalse(own.contains("Team key"), "no team picker for a team-scoped session");
        assertEquals(HttpStatus.FORBIDDEN, other.getStatus());
        assertTrue(body(other).contains("team: a team-scoped token reads its own team&#39;s reports only"),
                body(other));
    }

    @Test
    void escapesFollowUpText() {
        long d1 = data.id("d1");
        Map<String, Object> action = getJson("/api/actions/" + d1);
        client.exchange(HttpRequest.PATCH("/api/actions/" + d1, Map.of("text", "Fix <script>alert(1)</script> now",
                "version", action.get("version"))).bearerAuth(ADMIN));

        String html = body(page("/?week=2026-W10", signIn(ADMIN)));

        assertTrue(html.contains(">Fix &lt;script&gt;alert(1)&lt;/script&gt; now</a>"), html);
        assertFalse(html.contains("<script>"), html);
    }

    private static void assertHeadline(String html, String key, String label, String value, String change) {
        String row = "<tr data-metric=\"" + key + "\"><th scope=\"row\">" + label + "</th><td class=\"value\">" + value
                + "</td><td class=\"change\">" + change + "</td></tr>";
        assertTrue(html.contains(row), () -> "expected " + row + " in " + html);
    }

    /** The page with the whitespace between tags taken out, so checks need not mind the indentation. */
    private static String flat(String html) {
        return html.replaceAll(">\\s+<", "><");
    }
}
