package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.WeeklyDataset;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * a form without the session's CSRF token. The list's forms sent by htmx ({@code HX-Request}) get their row back in
 * place of a redirect, refusals included. Overdue today: b1 (due 02-20, 19 days) and d1 (due 03-06, 5 days).
 */
class FollowupPagesTest extends PageTestBase {

    private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
    private static final String JIRA = "https://jira.example.com";
    private static final Pattern HTMX_SCRIPT = Pattern.compile(
            "<script src=\"(/assets/htmx-2\\.0\\.4-[0-9a-f]{12}\\.js)\" defer></script>");

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
        assertTrue(body(response).contains("Someone changed this follow-up since you opened the page; it is shown as "
                + "it is now. Yours was not saved: make it again if it still applies."), body(response));
        assertEquals("in_progress", getJson("/api/actions/" + d1).get("status"));
        assertTrue(flat(body(response)).contains("<dt>Owner</dt><dd>ana</dd>"), "the page shows their change");
    }

    @Test
    void refusesToMoveADismissedFollowUpAndSaysWhy() {
        long c1 = data.id("c1");
        String csrf = csrfOf(body(page("/follow-ups/" + c1, editor)));
        client.exchange(HttpRequest.POST("/api/actions/" + c1 + "/dismiss", Map.of("reason", "not a follow-up"))
                .bearerAuth(ADMIN));

        HttpResponse<String> response = post("/follow-ups/" + c1 + "/status", editor, Map.of("csrf", csrf,
                "version", version(c1), "to", "in_progress"));

        assertEquals(HttpStatus.CONFLICT, response.getStatus());
        assertTrue(body(response).contains(FollowupPageController.DISMISSED), body(response));
        assertEquals("open", getJson("/api/actions/" + c1).get("status"));
    }

    @Test
    void dismissesAFollowUpThatIsNoneFromItsPageAndRestoresIt() {
        long c1 = data.id("c1");
        String page = body(page("/follow-ups/" + c1, editor));
        assertTrue(page.contains("action=\"/follow-ups/" + c1 + "/dismiss\""), page);
        assertFalse(page.contains("action=\"/follow-ups/" + c1 + "/restore\""), page);

        HttpResponse<String> dismissed = post("/follow-ups/" + c1 + "/dismiss", editor, Map.of("csrf", csrfOf(page),
                "reason", "  a sentence of the timeline, not work to do "));

        assertEquals(HttpStatus.SEE_OTHER, dismissed.getStatus(), body(dismissed));
        assertEquals("/follow-ups/" + c1, dismissed.header("Location"));
        Map<String, Object> action = getJson("/api/actions/" + c1);
        assertEquals(true, action.get("dismissed"));
        assertEquals("a sentence of the timeline, not work to do", action.get("dismissal_reason"));
        assertEquals("token:lead", history(c1).get(history(c1).size() - 1).get("actor"));
        assertFalse(pageIds("/follow-ups", editor).contains(c1), "a dismissed follow-up leaves the list");
        String after = flat(body(page("/follow-ups/" + c1, editor)));
        assertTrue(after.contains("Dismissed as no follow-up: a sentence of the timeline, not work to do"), after);
        assertTrue(after.contains("action=\"/follow-ups/" + c1 + "/restore\""), after);
        assertFalse(after.contains("action=\"/follow-ups/" + c1 + "/status\""), "nothing else to change until restored");

        HttpResponse<String> restored = post("/follow-ups/" + c1 + "/restore", editor, Map.of("csrf", csrfOf(after)));

        assertEquals(HttpStatus.SEE_OTHER, restored.getStatus(), body(restored));
        assertEquals(false, getJson("/api/actions/" + c1).get("dismissed"));
        assertTrue(pageIds("/follow-ups", editor).contains(c1), "restored, it is listed again");
        assertTrue(body(page("/follow-ups/" + c1, editor)).contains("action=\"/follow-ups/" + c1 + "/status\""));
    }

    @Test
    void refusesADismissalWithoutAReasonAndOneMadeTwice() {
        long c1 = data.id("c1");
        String csrf = csrfOf(body(page("/follow-ups/" + c1, editor)));

        HttpResponse<String> withoutReason = post("/follow-ups/" + c1 + "/dismiss", editor, Map.of("csrf", csrf,
                "reason", " "));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, withoutReason.getStatus());
        assertTrue(body(withoutReason).contains(FollowupPageController.DISMISSAL_REASON_REQUIRED), body(withoutReason));
        assertEquals(false, getJson("/api/actions/" + c1).get("dismissed"));

        client.exchange(HttpRequest.POST("/api/actions/" + c1 + "/dismiss", Map.of("reason", "a duplicate"))
                .bearerAuth(ADMIN));
        HttpResponse<String> twice = post("/follow-ups/" + c1 + "/dismiss", editor, Map.of("csrf", csrf,
                "reason", "not work"));

        assertEquals(HttpStatus.CONFLICT, twice.getStatus());
        assertTrue(body(twice).contains("Dismissed as no follow-up: a duplicate"), "the page shows it as it is now");
        assertEquals("a duplicate", getJson("/api/actions/" + c1).get("dismissal_reason"));
    }

    @Test
    void holdsDismissalsToEditorsOfTheFollowUpsTeam() {
        long d1 = data.id("d1");
        String reader = signIn(token("viewer", "reader"));
        String payEditor = signIn(token("pay-lead", "editor", "pay"));

        HttpResponse<String> byReader = post("/follow-ups/" + d1 + "/dismiss", reader, Map.of(
                "csrf", csrfOf(body(page("/follow-ups", reader))), "reason", "not work"));
        HttpResponse<String> byOtherTeam = post("/follow-ups/" + d1 + "/dismiss", payEditor, Map.of(
                "csrf", csrfOf(body(page("/follow-ups", payEditor))), "reason", "not work"));
        HttpResponse<String> withoutCsrf = post("/follow-ups/" + d1 + "/dismiss", editor, Map.of("reason", "not work"));

        assertEquals(HttpStatus.FORBIDDEN, byReader.getStatus());
        assertEquals(HttpStatus.NOT_FOUND, byOtherTeam.getStatus(), "as the API answers pay's token");
        assertEquals(HttpStatus.FORBIDDEN, withoutCsrf.getStatus());
        assertEquals(false, getJson("/api/actions/" + d1).get("dismissed"));
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
    void theListLoadsHtmxFromTheJarWithSettingsThePagesPolicyAllows() {
        String html = body(page("/follow-ups", editor));

        Matcher script = HTMX_SCRIPT.matcher(html);
        assertTrue(script.find(), html);
        assertTrue(html.contains("<meta name=\"htmx-config\" content=\"" + HtmxScript.CONFIG.replace("\"", "&quot;")
                + "\">"), html);
        assertTrue(HtmxScript.CONFIG.contains("\"includeIndicatorStyles\":false,\"allowEval\":false,"
                + "\"allowScriptTags\":false"), "no inline style, no eval, no scripts from responses");
        HttpResponse<byte[]> served = client.exchange(HttpRequest.GET(script.group(1)), byte[].class);
        assertEquals("text/javascript; charset=utf-8", served.getHeaders().get("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", served.getHeaders().get("Cache-Control"));
        assertTrue(new String(served.body(), StandardCharsets.UTF_8).contains("version:\"2.0.4\""),
                "htmx 2.0.4's own build");
        assertFalse(body(page("/follow-ups/" + data.id("d1"), editor)).contains("htmx"),
                "a page that updates nothing in place loads no htmx");
    }

    @Test
    void answersAnHtmxMoveWithTheRowAsItIsNow() {
        long d1 = data.id("d1");
        String csrf = csrfOf(body(page("/follow-ups?team=web", editor)));

        HttpResponse<String> response = postInPlace("/follow-ups/" + d1 + "/status", editor, Map.of("csrf", csrf,
                "version", version(d1), "to", "done", "back", "/follow-ups?team=web"));

        assertEquals(HttpStatus.OK, response.getStatus(), body(response));
        String row = flat(body(response)).strip();
        assertTrue(row.startsWith("<tr data-id=\"" + d1 + "\">") && row.endsWith("</tr>"), "the row alone: " + row);
        assertTrue(row.contains("<td class=\"state\">done</td>"), row);
        assertFalse(row.contains("overdue"), "done work is not overdue: " + row);
        assertTrue(row.contains("name=\"version\" value=\"" + version(d1) + "\""), "the new version: " + row);
        assertTrue(row.contains("name=\"back\" value=\"/follow-ups?team=web\""), "forms still go back to the list");
        assertTrue(row.contains("<option value=\"open\">open</option>"), "done moves back to open only: " + row);
        assertEquals("done", getJson("/api/actions/" + d1).get("status"));
    }

    @Test
    void answersAnHtmxOwnerAndDueDateChangeWithTheRowAsItIsNow() {
        long b1 = data.id("b1");
        String csrf = csrfOf(body(page("/follow-ups", editor)));

        HttpResponse<String> response = postInPlace("/follow-ups/" + b1, editor, Map.of("csrf", csrf,
                "version", version(b1), "owner", "sam", "due", "2026-04-01", "back", "/follow-ups"));

        assertEquals(HttpStatus.OK, response.getStatus(), body(response));
        String row = flat(body(response));
        assertTrue(row.contains("<td>sam</td>"), row);
        assertTrue(row.contains("<td><span>2026-04-01</span></td>"), "no longer overdue: " + row);
        assertEquals("sam", getJson("/api/actions/" + b1).get("owner"));
    }

    @Test
    void answersAnHtmxMoveFromAnOldVersionWithTheRowSayingSo() {
        long d1 = data.id("d1");
        String csrf = csrfOf(body(page("/follow-ups", editor)));
        String shown = version(d1);
        client.exchange(HttpRequest.PATCH("/api/actions/" + d1, Map.of("owner", "ana", "version", Long.parseLong(shown)))
                .bearerAuth(ADMIN));

        HttpResponse<String> response = postInPlace("/follow-ups/" + d1 + "/status", editor, Map.of("csrf", csrf,
                "version", shown, "to", "done", "back", "/follow-ups"));

        assertEquals(HttpStatus.CONFLICT, response.getStatus());
        String row = flat(body(response)).strip();
        assertTrue(row.startsWith("<tr data-id=\"" + d1 + "\">"), row);
        assertTrue(row.contains("<p class=\"message error\" role=\"alert\">" + FollowupPageController.STALE + "</p>"),
                row);
        assertTrue(row.contains("<td>ana</td>"), "the row shows their change: " + row);
        assertTrue(row.contains("name=\"version\" value=\"" + version(d1) + "\""), "and its version: " + row);
        assertEquals("in_progress", getJson("/api/actions/" + d1).get("status"));
    }

    @Test
    void answersAnHtmxNotDoingWithoutAReasonWithTheRowSayingSo() {
        long c1 = data.id("c1");
        String csrf = csrfOf(body(page("/follow-ups", editor)));

        HttpResponse<String> response = postInPlace("/follow-ups/" + c1 + "/status", editor, Map.of("csrf", csrf,
                "version", version(c1), "to", "not_doing", "reason", " ", "back", "/follow-ups"));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, response.getStatus());
        String row = flat(body(response)).strip();
        assertTrue(row.startsWith("<tr data-id=\"" + c1 + "\">"), row);
        assertTrue(row.contains(FollowupPageController.REASON_REQUIRED), row);
        assertTrue(row.contains("<option value=\"not_doing\" selected=\"selected\">not doing</option>"), row);
        assertEquals("open", getJson("/api/actions/" + c1).get("status"));
    }

    @Test
    void refusesAnHtmxFormWithoutTheSessionsCsrfTokenAsAPlainOne() {
        long d1 = data.id("d1");
        String version = version(d1);
        String csrf = csrfOf(body(page("/follow-ups", editor)));
        List<Function<Boolean, MutableHttpRequest<?>>> refusedForms = List.of(
                inPlace -> form("/follow-ups/" + d1 + "/status", inPlace, Map.of("version", version, "to", "done",
                        "back", "/follow-ups")),
                inPlace -> form("/follow-ups/" + d1, inPlace, Map.of("csrf", "forged", "version", version,
                        "owner", "mallory", "back", "/follow-ups")),
                inPlace -> form("/follow-ups/" + d1 + "/status", inPlace, Map.of("csrf", csrf, "version", version,
                        "to", "done", "back", "/follow-ups")).header("Origin", "https://evil.example"));

        for (Function<Boolean, MutableHttpRequest<?>> refusedForm : refusedForms) {
            HttpResponse<String> plain = send(refusedForm.apply(false));
            HttpResponse<String> htmx = send(refusedForm.apply(true));
            assertEquals(HttpStatus.FORBIDDEN, plain.getStatus());
            assertEquals(HttpStatus.FORBIDDEN, htmx.getStatus());
            assertEquals(body(plain), body(htmx), "the same refusal, not a row");
        }
        assertTrue(body(send(refusedForms.get(0).apply(true))).contains("This form is out of date or was not sent "
                + "from Closeout&#39;s own pages; nothing was changed."));
        Map<String, Object> action = getJson("/api/actions/" + d1);
        assertEquals(List.of("in_progress", "kim"), List.of(action.get("status"), action.get("owner")));
    }

    @Test
    void refusesAReadersHtmxFormAsAPlainOne() {
        String reader = signIn(token("viewer", "reader"));
        long d1 = data.id("d1");

        HttpResponse<String> forged = postInPlace("/follow-ups/" + d1 + "/status", reader, Map.of(
                "csrf", csrfOf(body(page("/follow-ups", reader))), "version", version(d1), "to", "done"));

        assertEquals(HttpStatus.FORBIDDEN, forged.getStatus());
        assertTrue(body(forged).contains("Only editors and admins may change follow-ups"), body(forged));
        assertEquals("in_progress", getJson("/api/actions/" + d1).get("status"));
    }

    @Test
    void sendsAnHtmxFormWithoutASessionToSignInAsAWholePage() {
        long d1 = data.id("d1");

        HttpResponse<String> response = send(HttpRequest.POST("/follow-ups/" + d1 + "/status",
                        new LinkedHashMap<>(Map.of("version", version(d1), "to", "done")))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("HX-Request", "true"));

        // a 303 would be followed by the browser's request, and the sign-in form put in the row
        assertEquals(HttpStatus.NO_CONTENT, response.getStatus());
        assertEquals("/login?next=%2Ffollow-ups%2F" + d1, response.header("HX-Redirect"));
        assertEquals("in_progress", getJson("/api/actions/" + d1).get("status"));
    }

    @Test
    void sendsAVisitorWithoutASessionToSignIn() {
        HttpResponse<String> response = send(HttpRequest.GET("/follow-ups?team=web&overdue=true"));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/login?next=%2Ffollow-ups%3Fteam%3Dweb%26overdue%3Dtrue", response.header("Location"));
    }

    /** A form as htmx sends it from the list, to have its row back. */
    private HttpResponse<String> postInPlace(String uri, String session, Map<String, String> form) {
        return send(HttpRequest.POST(uri, new LinkedHashMap<>(form))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session))
                .header("HX-Request", "true"));
    }

    /** The editor's form to {@code uri}, sent by htmx or as a plain form. */
    private MutableHttpRequest<?> form(String uri, boolean inPlace, Map<String, String> form) {
        MutableHttpRequest<?> request = HttpRequest.POST(uri, new LinkedHashMap<>(form))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, editor));
        return inPlace ? request.header("HX-Request", "true") : request;
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
