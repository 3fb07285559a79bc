package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.WeeklyDataset;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /follow-ups} and {@code /follow-ups/{id}} on {@link WeeklyDataset} (today Wednesday 2026-03-11): the list
 * is the API's list for the same query, page by page; the forms change follow-ups as the API's transition and
 * PATCH do, and refuse what the API refuses: an old version, not_doing without a reason, a reader, another team,
 * a form without the session's CSRF token. Overdue today: b1 (due 02-20, 19 days) and d1 (due 03-06, 5 days).
 */
class FollowupPagesTest extends PageTestBase {

    private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
    private static final String JIRA = "https://jira.example.com";

    @Inject
    MovableClock clock;

    WeeklyDataset data;
    String editor;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(MovableClock.on(super.getProperties()));
        properties.put("closeout.jira.base-url", JIRA);
        return properties;
    }

    @BeforeEach
    void buildTheDataset() {
        data = WeeklyDataset.build(client, clock);
        editor = signIn(token("lead", "editor"));
    }

    @Test
    void listsWhatTheApiListsForEachFilter() {
        for (String query : List.of("team=web", "status=open", "overdue=true", "owner=priya", "q=snapshots",
                "kind=preventative", "due_before=2026-03-19", "team=pay&status=open&owner=priya")) {
            assertEquals(apiIds(query), pageIds("/follow-ups?" + query, editor), query);
        }
        assertEquals(List.of(data.id("b1"), data.id("d1")), pageIds("/follow-ups?overdue=true", editor));
        assertEquals(List.of(data.id("b1"), data.id("c1"), data.id("e1")), pageIds("/follow-ups?status=open", editor));
        assertEquals(List.of(data.id("b1")), pageIds("/follow-ups?q=snapshots", editor));
        HttpResponse<String> blanks = page("/follow-ups?team=&status=open&owner=&kind=&due_before=&q=", editor);
        assertEquals(HttpStatus.SEE_OTHER, blanks.getStatus(), "the filter form's empty fields mean any");
        assertEquals("/follow-ups?status=open", blanks.header("Location"));
    }

    @Test
    void marksOverdueRowsInWordsAndLinksEachRow() {
        String html = flat(body(page("/follow-ups?team=web", editor)));
        long d1 = data.id("d1");

        assertTrue(html.contains("<span class=\"status overdue\">5 days overdue</span>"), html);
        assertTrue(html.contains("<span class=\"status overdue\">19 days overdue</span>"), html);
        assertTrue(html.contains("<a href=\"/follow-ups/" + d1 + "\">Add a CDN cache rule for product pages</a>"), html);
        assertTrue(html.contains("<a href=\"/postmortems/" + data.postmortems.get("P4")
                + "\">Postmortem: Storefront pages slow at lunch</a>"), html);
        assertEquals(2, html.split("days overdue</span>", -1).length - 1, "b1 and d1 only");
    }

    @Test
    void showsEachTicketsSyncStateWithALinkToJira() {
        ticket(data.id("c1"), "synced", "PAY-12", null);
        ticket(data.id("e1"), "pending", null, null);
        ticket(data.id("a1"), "failed", null, "Jira refused the project key PAY");

        String html = flat(body(page("/follow-ups?team=pay", editor)));

        assertTrue(html.contains("<span class=\"sync synced\">synced</span><a href=\"" + JIRA
                + "/browse/PAY-12\">PAY-12</a>"), html);
        assertTrue(html.contains("<span class=\"sync pending\">pending</span>"), html);
        assertTrue(html.contains("<span class=\"sync failed\">failed</span>"), html);
        assertTrue(flat(body(page("/follow-ups/" + data.id("a1"), editor)))
                .contains("(Jira refused the project key PAY)"), "the failure's reason on the follow-up's page");
    }

    @Test
    void pagesThroughTheListWithTheApisCursorKeepingTheFilters() {
        List<Long> seen = new ArrayList<>();
        String url = "/follow-ups?team=pay&limit=2";
        int pages = 0;
        while (url != null) {
            String html = body(page(url, editor));
            List<Long> ids = ids(html);
            assertTrue(ids.size() <= 2, url);
            seen.addAll(ids);
            pages++;
            Matcher next = NEXT.matcher(html);
            url = next.find() ? next.group(1).replace("&amp;", "&") : null;
            if (url != null) {
                assertTrue(url.startsWith("/follow-ups?team=pay&limit=2&cursor="), url);
            }
        }
        assertEquals(3, pages, "six of pay's follow-ups, two a page");
        assertEquals(apiIds("team=pay"), seen);
    }

    @Test
    void showsAFollowUpWithItsHistoryNewestFirst() {
        String html = flat(body(page("/follow-ups/" + data.id("d1"), editor)));

        assertTrue(html.contains("<h1>Add a CDN cache rule for product pages</h1>"), html);
        assertTrue(html.contains("<dt>Owner</dt><dd>kim</dd><dt>Team</dt><dd>web</dd><dt>Due</dt><dd>2026-03-06</dd>"),
                html);
        assertTrue(html.contains("5 days overdue"), html);
        assertTrue(html.contains(">Postmortem: Storefront pages slow at lunch</a>"), html);
        int moved = html.indexOf("<td>2026-03-06 09:00 UTC</td>");
        int created = html.indexOf("<td>2026-03-05 15:00 UTC</td>");
        assertTrue(moved > 0 && created > moved, html);
        assertTrue(html.contains("<td><span>status</span>: <span>open</span> → <span>in_progress</span></td>"), html);
        assertTrue(html.contains("<td>created as open</td>"), html);
    }

    @Test
    void movesAFollowUpAndGoesBackToTheFilteredList() {
        long d1 = data.id("d1");
        String csrf = csrfOf(body(page("/follow-ups?team=web", editor)));

        HttpResponse<String> response = post("/follow-ups/" + d1 + "/status", editor, Map.of("csrf", csrf,
                "version", version(d1), "to", "done", "back", "/follow-ups?team=web&overdue=true"));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus(), body(response));
        assertEquals("/follow-ups?team=web&overdue=true", response.header("Location"));
        assertEquals("done", getJson("/api/actions/" + d1).get("status"));
        assertEquals("token:lead", history(d1).get(history(d1).size() - 1).get("actor"));
    }

    @Test
    void refusesAMoveFromAnOldVersionAndSaysWhy() {
        long d1 = data.id("d1");
        String csrf = csrfOf(body(page("/follow-ups/" + d1, editor)));
        String shown = version(d1);
        client.exchange(HttpRequest.PATCH("/api/actions/" + d1, Map.of("owner", "ana", "version", Long.parseLong(shown)))
                .bearerAuth(ADMIN));

        HttpResponse<String> response = post("/follow-ups/" + d1 + "/status", editor, Map.of("csrf", csrf,
                "version", shown, "to", "done"));

        assertEquals(HttpStatus.CONFLICT, response.getStatus());
        assertTrue(body(response).contains("Someone changed this follow-up since you opened the page: reload to see "
                + "their change; yours was not saved."), body(response));
        assertEquals("in_progress", getJson("/api/actions/" + d1).get("status"));
        assertTrue(flat(body(response)).contains("<dt>Owner</dt><dd>ana</dd>"), "the page shows their change");
    }

    @Test
    void refusesNotDoingWithoutAReasonAndKeepsTheForm() {
        long c1 = data.id("c1");
        String csrf = csrfOf(body(page("/follow-ups/" + c1, editor)));

        HttpResponse<String> response = post("/follow-ups/" + c1 + "/status", editor, Map.of("csrf", csrf,
                "version", version(c1), "to", "not_doing", "reason", " "));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, response.getStatus());
        assertTrue(body(response).contains("Moving a follow-up to not doing needs a reason"), body(response));
        assertTrue(body(response).contains("<option value=\"not_doing\" selected=\"selected\">not doing</option>"),
                body(response));
        assertEquals("open", getJson("/api/actions/" + c1).get("status"));

        HttpResponse<String> withReason = post("/follow-ups/" + c1 + "/status", editor, Map.of("csrf", csrf,
                "version", version(c1), "to", "not_doing", "reason", "the deploy gate covers it"));
        assertEquals(HttpStatus.SEE_OTHER, withReason.getStatus());
        assertEquals("/follow-ups/" + c1, withReason.header("Location"));
        assertEquals("the deploy gate covers it", getJson("/api/actions/" + c1).get("status_reason"));
    }

    @Test
    void changesOwnerAndDueDateAndRefusesAnOldVersion() {
        long c1 = data.id("c1");
        String csrf = csrfOf(body(page("/follow-ups/" + c1, editor)));
        String shown = version(c1);

        HttpResponse<String> response = post("/follow-ups/" + c1, editor, Map.of("csrf", csrf, "version", shown,
                "owner", "sam", "due", "2026-04-01", "back", "/follow-ups?owner=priya"));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus(), body(response));
        assertEquals("/follow-ups?owner=priya", response.header("Location"));
        Map<String, Object> changed = getJson("/api/actions/" + c1);
        assertEquals("sam", changed.get("owner"));
        assertEquals("2026-04-01", changed.get("due"));

        HttpResponse<String> stale = post("/follow-ups/" + c1, editor, Map.of("csrf", csrf, "version", shown,
                "owner", "lee", "due", "2026-04-01"));
        assertEquals(HttpStatus.CONFLICT, stale.getStatus());
        assertEquals("sam", getJson("/api/actions/" + c1).get("owner"));
    }

    @Test
    void refusesAFormWithoutTheSessionsCsrfToken() {
        long d1 = data.id("d1");
        String version = version(d1);

        HttpResponse<String> without = post("/follow-ups/" + d1 + "/status", editor, Map.of("version", version,
                "to", "done"));
        HttpResponse<String> wrong = post("/follow-ups/" + d1, editor, Map.of("csrf", "forged", "version", version,
                "owner", "mallory"));

        assertEquals(HttpStatus.FORBIDDEN, without.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, wrong.getStatus());
        Map<String, Object> action = getJson("/api/actions/" + d1);
        assertEquals(List.of("in_progress", "kim"), List.of(action.get("status"), action.get("owner")));
    }

    @Test
    void showsAReaderNoFormsAndRefusesItsForgedPost() {
        String reader = signIn(token("viewer", "reader"));
        long d1 = data.id("d1");
        String list = body(page("/follow-ups", reader));
        String one = body(page("/follow-ups/" + d1, reader));
        assertFalse(list.contains("action=\"/follow-ups/"), list);
        assertFalse(one.contains("action=\"/follow-ups/"), one);

        HttpResponse<String> forged = post("/follow-ups/" + d1 + "/status", reader, Map.of("csrf", csrfOf(list),
                "version", version(d1), "to", "done"));

        assertEquals(HttpStatus.FORBIDDEN, forged.getStatus());
        assertTrue(body(forged).contains("Only editors and admins may change follow-ups"), body(forged));
        assertEquals("in_progress", getJson("/api/actions/" + d1).get("status"));
    }

    @Test
    void holdsATeamsSessionToItsTeam() {
        String webReader = signIn(data.webReader);
        String payEditor = signIn(token("pay-lead", "editor", "pay"));
        long d1 = data.id("d1");

        assertEquals(apiIds("team=web"), pageIds("/follow-ups", webReader));
        assertEquals(List.of(), pageIds("/follow-ups?team=pay", webReader));
        assertEquals(HttpStatus.NOT_FOUND, page("/follow-ups/" + d1, payEditor).getStatus());
        HttpResponse<String> moved = post("/follow-ups/" + d1 + "/status", payEditor, Map.of(
                "csrf", csrfOf(body(page("/follow-ups", payEditor))), "version", version(d1), "to", "done"));
        assertEquals(HttpStatus.NOT_FOUND, moved.getStatus(), "as the API answers pay's token");
        assertEquals("in_progress", getJson("/api/actions/" + d1).get("status"));
    }

    @Test
    void escapesFollowUpText() {
        long d1 = data.id("d1");
        client.exchange(HttpRequest.PATCH("/api/actions/" + d1, Map.of("text", "Fix <script>alert(1)</script> now",
                "owner", "<b>kim</b>", "version", Long.parseLong(version(d1)))).bearerAuth(ADMIN));

        for (String uri : List.of("/follow-ups", "/follow-ups/" + d1)) {
            String html = body(page(uri, editor));
            assertTrue(html.contains("Fix &lt;script&gt;alert(1)&lt;/script&gt; now"), html);
            assertTrue(html.contains("&lt;b&gt;kim&lt;/b&gt;"), html);
            assertFalse(html.contains("<script>"), html);
        }
    }

    @Test
    void answersNotFoundForAnUnknownFollowUp() {
        assertEquals(HttpStatus.NOT_FOUND, page("/follow-ups/999999999", editor).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, page("/follow-ups/not-a-number", editor).getStatus());
    }

    @Test
    void sendsAVisitorWithoutASessionToSignIn() {
        HttpResponse<String> response = send(HttpRequest.GET("/follow-ups?team=web&overdue=true"));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/login?next=%2Ffollow-ups%3Fteam%3Dweb%26overdue%3Dtrue", response.header("Location"));
    }

    private HttpResponse<String> post(String uri, String session, Map<String, String> form) {
        return send(HttpRequest.POST(uri, new LinkedHashMap<>(form))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));
    }

    private List<Long> pageIds(String uri, String session) {
        HttpResponse<String> response = page(uri, session);
        assertEquals(HttpStatus.OK, response.getStatus(), () -> uri + ": " + body(response));
        return ids(body(response));
    }

    private static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher row = ROW_ID.matcher(html);
        while (row.find()) {
            ids.add(Long.parseLong(row.group(1)));
        }
        return ids;
    }

    private List<Long> apiIds(String query) {
        return list(getJson("/api/actions?limit=200&" + query).get("items")).stream().map(item -> id(item)).toList();
    }

    private String version(long id) {
        return getJson("/api/actions/" + id).get("version").toString();
    }

    private List<Map<String, Object>> history(long id) {
        return list(getJson("/api/actions/" + id + "/history?limit=200").get("items"));
    }

    /** A ticket row as the sync leaves it. */
    private void ticket(long actionId, String state, String key, String error) {
        LocalDateTime now = LocalDateTime.of(2026, 3, 11, 12, 0);
        transactions.executeWrite(status -> dsl.insertInto(JIRA_TICKET)
                .set(JIRA_TICKET.ACTION_ID, actionId)
                .set(JIRA_TICKET.STATE, state)
                .set(JIRA_TICKET.ISSUE_ID, key == null ? null : "100" + actionId)
                .set(JIRA_TICKET.ISSUE_KEY, key)
                .set(JIRA_TICKET.LAST_ERROR, error)
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now)
                .set(JIRA_TICKET.CREATED_AT, now)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .execute());
    }

    /** The page with the whitespace between tags taken out, so checks need not mind the indentation. */
    private static String flat(String html) {
        return html.replaceAll(">\\s+<", "><");
    }
}
