package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.WeeklyDataset;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /} on {@link WeeklyDataset}: the headline numbers WeeklyReviewApiTest counts by hand for 2026-W10, with
 * their change from 2026-W09 (its trend row: open 4, overdue 1, nothing created or closed, nothing due, nothing
 * closed), the oldest overdue, the causes that came back, the charts' numbers and scripts, the exports, the team
 * scope and escaping.
 */
class WeeklyPageTest extends PageTestBase {

    /** A page's script tags, in order. */
    private static final Pattern SCRIPT = Pattern.compile("<script src=\"([^\"]+)\" defer></script>");

    @Inject
    MovableClock clock;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

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

        // each follow-up links to its page, and its postmortem to the postmortem's
        assertTrue(html.contains("<a href=\"/follow-ups/" + data.id("b1") + "\">Delete old index snapshots nightly</a>"),
                html);
        assertTrue(html.contains("16 days overdue"), html);
        assertTrue(html.contains("<a href=\"/postmortems/" + data.postmortems.get("P2") + "\">Postmortem: Search results empty for "
                + "forty minutes</a>"), html);
        assertTrue(html.contains("<a href=\"/follow-ups/" + data.id("d1") + "\">Add a CDN cache rule for product pages</a>"),
                html);
        assertTrue(html.contains("<strong><span>database</span> / <span>code-change</span></strong>"), html);
        assertTrue(html.contains("href=\"/weekly.md?week=2026-W10\">Copy as Markdown</a>"), html);
        assertTrue(html.contains("href=\"/weekly.csv?week=2026-W10\">Download CSV</a>"), html);
    }

    @Test
    void chartsTheReviewsTrendAndTeamsAsTheApiAnswersThem() {
        String html = body(page("/?week=2026-W10", signIn(ADMIN)));
        Map<String, Object> review = getJson("/api/reports/weekly?week=2026-W10");
        List<Map<String, Object>> trend = objects(review.get("trend"));

        Map<String, Object> backlog = chart(html, "backlog");
        assertEquals("line", backlog.get("kind"));
        assertEquals(column(trend, "week"), backlog.get("categories"));
        assertEquals(List.of(series("Open", "open", column(trend, "open")),
                series("Overdue", "overdue", column(trend, "overdue"))), backlog.get("series"));
        Map<String, Object> closures = chart(html, "closures");
        assertEquals(column(trend, "week"), closures.get("categories"));
        assertEquals(List.of(series("Closed", "closed", column(trend, "closed")),
                series("Created", "created", column(trend, "created"))), closures.get("series"));
        Map<String, Object> teams = chart(html, "teams");
        assertEquals(column(objects(review.get("by_team")), "team"), teams.get("categories"));
        assertEquals(List.of(series("Overdue", "overdue", column(objects(review.get("by_team")), "overdue"))),
                teams.get("series"));

        // by hand, as WeeklyReviewApiTest: W09 ended with 4 open, 1 overdue; W10 with 4 open and 3 overdue (b1, b2,
        // d1, all web's), 3 created and 4 closed in it
        assertEquals(List.of("2025-W51", "2026-W10"), List.of(column(trend, "week").get(0), column(trend, "week").get(11)));
        assertEquals(List.of(4, 4, 1, 3), List.of(values(backlog, 0).get(10), values(backlog, 0).get(11),
                values(backlog, 1).get(10), values(backlog, 1).get(11)));
        assertEquals(List.of(4, 3), List.of(values(closures, 0).get(11), values(closures, 1).get(11)));
        assertEquals(List.of("pay", "web"), teams.get("categories"));
        assertEquals(List.of(0, 3), values(teams, 0));
        // and the same numbers in the table beneath each chart, for a reader without script
        String flat = flat(html);
        assertTrue(flat.contains("<tr><th scope=\"row\">2026-W10</th><td>4</td><td>3</td></tr>"), flat);
        assertTrue(flat.contains("<tr><th scope=\"row\">web</th><td>3</td></tr>"), flat);
    }

    @Test
    void chartsTodaysOverdueAgesOfThePagesTeamAsTheOverdueReportCountsThem() {
        String session = signIn(ADMIN);

        Map<String, Object> ages = chart(body(page("/?week=2026-W10", session)), "ages");
        Map<String, Object> payAges = chart(body(page("/?week=2026-W10&team=pay", session)), "ages");

        assertEquals(List.of("1-7 days", "8-30 days", "31-90 days", "90+ days"), ages.get("categories"));
        // today (03-11): d1 (due 03-06) 5 days overdue, b1 (due 02-20) 19; pay has none overdue
        assertEquals(List.of(series("Overdue today", "overdue", List.of(1, 1, 0, 0))), ages.get("series"));
        assertEquals(column(objects(getJson("/api/reports/overdue").get("by_age")), "count"), values(ages, 0));
        assertEquals(List.of(0, 0, 0, 0), values(payAges, 0));
        assertTrue(flat(body(page("/?week=2026-W10", session))).contains("<figcaption>Follow-ups overdue today "
                + "(2026-03-11), not at the week&#39;s end, by days overdue.</figcaption>"), "says whose day it is");
    }

    @Test
    void servesTheChartScriptsUnderTheirHashForAYear() throws IOException {
        Matcher tags = SCRIPT.matcher(body(page("/?week=2026-W10", signIn(ADMIN))));
        List<String> urls = tags.results().map(tag -> tag.group(1)).toList();

        assertEquals(2, urls.size(), "the library, then ours");
        assertTrue(urls.get(0).matches("/assets/echarts-5\\.3\\.1-[0-9a-f]{12}\\.js"), urls.get(0));
        assertTrue(urls.get(1).matches("/assets/closeout-charts-[0-9a-f]{12}\\.js"), urls.get(1));
        List<String> resources = List.of("META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js",
                "public/closeout-charts.js");
        for (int i = 0; i < urls.size(); i++) {
            // no session: the login page loads assets too
            HttpResponse<byte[]> script = client.exchange(HttpRequest.GET(urls.get(i)), byte[].class);
            assertEquals(HttpStatus.OK, script.getStatus());
            assertEquals("text/javascript; charset=utf-8", script.getHeaders().get("Content-Type"));
            assertEquals("public, max-age=31536000, immutable", script.getHeaders().get("Cache-Control"));
            assertEquals(PageHeaders.CONTENT_SECURITY_POLICY, script.getHeaders().get("Content-Security-Policy"));
            assertArrayEquals(resource(resources.get(i)), script.body(), urls.get(i));
        }
        for (String unknown : List.of("/assets/closeout-charts-000000000000.js", "/assets/echarts.min.js",
                "/assets/closeout-charts.js")) {
            assertEquals(HttpStatus.NOT_FOUND, send(HttpRequest.GET(unknown)).getStatus(), unknown);
        }
    }

    @Test
    void thePageAndItsAssetsWeighUnder300KilobytesGzipped() throws IOException, InterruptedException {
        String session = signIn(ADMIN);
        java.net.http.HttpClient browser = java.net.http.HttpClient.newHttpClient();
        String html = body(page("/?week=2026-W10", session));
        List<String> urls = new ArrayList<>(List.of("/?week=2026-W10",
                html.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\">.*", "$1")));
        SCRIPT.matcher(html).results().forEach(tag -> urls.add(tag.group(1)));

        long bytes = 0;
        for (String url : urls) {
            // as a browser asks: gzip accepted; the JDK's client leaves the body as it came over the wire
            java.net.http.HttpResponse<byte[]> response = browser.send(java.net.http.HttpRequest.newBuilder(
                            URI.create(server.getURL() + url)).header("Accept-Encoding", "gzip")
                    .header("Cookie", COOKIE + "=" + session).build(), BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), url);
            assertEquals(Optional.of("gzip"), response.headers().firstValue("Content-Encoding"), url);
            bytes += response.body().length;
        }
        assertEquals(4, urls.size(), urls::toString);
        assertTrue(bytes < 300_000, "page and assets: " + bytes + " bytes on the wire");
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

    /** The data closeout-charts.js draws chart {@code id} from: its {@code data-chart} attribute, unescaped. */
    private Map<String, Object> chart(String html, String id) {
        Matcher attribute = Pattern.compile("id=\"chart-" + id + "\" data-chart=\"([^\"]*)\"").matcher(html);
        assertTrue(attribute.find(), () -> "no chart " + id + " in " + html);
        String value = attribute.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        try {
            return json.readValue(value, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> series(String name, String tone, List<?> values) {
        return Map.of("name", name, "tone", tone, "values", values);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Map<String, Object> chart, int series) {
        return (List<Object>) objects(chart.get("series")).get(series).get("values");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object list) {
        return (List<Map<String, Object>>) list;
    }

    private static List<Object> column(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(row -> row.get(key)).toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WeeklyPageTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    /** The page with the whitespace between tags taken out, so checks need not mind the indentation. */
    private static String flat(String html) {
        return html.replaceAll(">\\s+<", "><");
    }
}
