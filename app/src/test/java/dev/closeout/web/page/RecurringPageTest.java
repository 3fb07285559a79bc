package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.RecurringDataset;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /recurring} on {@link RecurringDataset} (two teams, 17 incidents over 2024 and 2025, today 2026-03-10):
 * the heatmap's counts are the API's for the same parameters, the recurrence badges, the team filter and scope,
 * bad parameters, the empty window, sign-in and escaping. RecurringCausesApiTest works the numbers out by hand.
 */
class RecurringPageTest extends PageTestBase {

    private static final String ALL_DATES = "from=2024-01-01&to=2026-03-10";

    @Inject
    MovableClock clock;

    RecurringDataset data;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void buildTheDataset() {
        data = RecurringDataset.create(client, clock);
    }

    @Test
    void theHeatmapShowsTheApisCountsPerCauseAndQuarter() {
        Document page = Jsoup.parse(body(page("/recurring?" + ALL_DATES, signIn(ADMIN))));
        List<Map<String, Object>> causes = list(getJson("/api/reports/recurring-causes?" + ALL_DATES).get("causes"));

        // from A1 (2024-03-05), the first cause's first incident, to G (2025-12-01), the last one's last
        assertEquals(List.of("Cause", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3",
                "2025-Q4", "Total"), page.select("table.heatmap thead th").eachText());
        List<Element> rows = page.select("table.heatmap tbody tr");
        assertEquals(causes.size(), rows.size());
        for (int i = 0; i < causes.size(); i++) {
            Map<String, Object> cause = causes.get(i);
            Element row = rows.get(i);
            assertEquals(cause.get("component") + " / " + cause.get("trigger"), row.attr("data-cause"));
            Map<String, String> expected = new LinkedHashMap<>();
            list(cause.get("by_quarter")).forEach(count -> expected.put((String) count.get("quarter"),
                    String.valueOf(count.get("incidents"))));
            Map<String, String> shown = new LinkedHashMap<>();
            row.select("td.heat").forEach(cell -> {
                if (!cell.text().equals("0")) {
                    shown.put(cell.attr("data-quarter"), cell.text());
                }
            });
            assertEquals(expected, shown, row.attr("data-cause"));
            assertEquals(String.valueOf(cause.get("incidents")), row.selectFirst("td.total").text());
        }
        // D's quarters by hand: D0 and D1 in 2024-Q4, D2 in 2025-Q1, G in 2025-Q4; the darkest shade is the
        // table's largest count
        Element cache = rows.get(0);
        assertEquals(List.of("0", "0", "0", "2", "1", "0", "0", "1"), cache.select("td.heat").eachText());
        assertTrue(cache.selectFirst("td[data-quarter=2024-Q4]").hasClass("heat-4"));
        assertTrue(cache.selectFirst("td[data-quarter=2025-Q1]").hasClass("heat-2"));
        assertTrue(cache.selectFirst("td[data-quarter=2024-Q1]").hasClass("heat-0"));
    }

    @Test
    void causesThatCameBackAfterTheirFixOrWhileItWasOpenAreMarked() {
        Document page = Jsoup.parse(body(page("/recurring?" + ALL_DATES, signIn(ADMIN))));

        assertEquals(Map.of(
                "cache / configuration-change", "",
                "database / resource-exhaustion", "fixed but recurred",
                "application / code-change", "known not fixed",
                "certificate / expiry", "fixed but recurred",
                "third-party / dependency-failure", "known not fixed"), badges(page));
        assertTrue(page.selectFirst("tr[data-cause='database / resource-exhaustion']").hasClass("fixed_but_recurred"));
    }

    @Test
    void eachCauseListsItsIncidentsAndLinksToThemInThePostmortemsList() {
        Document page = Jsoup.parse(body(page("/recurring?" + ALL_DATES + "&team=pay", signIn(ADMIN))));

        Element database = page.selectFirst("tr[data-cause='database / resource-exhaustion'] details");
        assertEquals(List.of("2024-03-05 Postmortem: Checkout incident A1", "2024-09-12 Postmortem: Checkout incident A2",
                "2025-06-20 Postmortem: Billing incident A3"), database.select("ol.incidents li").eachText());
        assertEquals(List.of("/postmortems/" + data.id("A1"), "/postmortems/" + data.id("A2"),
                "/postmortems/" + data.id("A3")), database.select("ol.incidents a").eachAttr("href"));
        Element all = database.selectFirst("a.all");
        assertEquals("All 3 in Postmortems", all.text());
        assertEquals("/postmortems?component=database&trigger=resource-exhaustion&from=2024-01-01&to=2026-03-10"
                + "&team=pay", all.attr("href"));
    }

    @Test
    void aCauseWithMoreThanFiveIncidentsListsItsLatestFiveAndCountsThemAll() {
        // D (cache / configuration-change, Search) had D0, D1, D2 and G; three more make seven
        long d3 = incident("D3", "2025-05-20");
        long d4 = incident("D4", "2025-08-14");
        long d5 = incident("D5", "2026-01-22");

        Document page = Jsoup.parse(body(page("/recurring?" + ALL_DATES + "&team=web", signIn(ADMIN))));

        Element cache = page.selectFirst("tr[data-cause='cache / configuration-change']");
        Element incidents = cache.selectFirst("details");
        // the latest five by incident date, in time order as the report lists them; D0 and D1 are left out
        assertEquals("Its latest 5 incidents", incidents.selectFirst("summary").text());
        assertEquals(List.of("2025-03-15", "2025-05-20", "2025-08-14", "2025-12-01", "2026-01-22"),
                incidents.select("ol.incidents li .date").eachText());
        assertEquals(List.of("/postmortems/" + data.id("D2"), "/postmortems/" + d3, "/postmortems/" + d4,
                "/postmortems/" + data.id("G"), "/postmortems/" + d5), incidents.select("ol.incidents a").eachAttr("href"));
        assertEquals("7", cache.selectFirst("td.total").text());
        Element all = incidents.selectFirst("a.all");
        assertEquals("All 7 in Postmortems", all.text());
        assertEquals("/postmortems?component=cache&trigger=configuration-change&from=2024-01-01&to=2026-03-10"
                + "&team=web", all.attr("href"));
        // the link opens all seven, the two the page left out among them
        Document listed = Jsoup.parse(body(page(all.attr("href"), signIn(ADMIN))));
        List<String> hrefs = listed.select("a[href^='/postmortems/']").eachAttr("href");
        for (String name : List.of("D0", "D1", "D2", "G")) {
            assertTrue(hrefs.contains("/postmortems/" + data.id(name)), name + " in " + hrefs);
        }
        for (long id : List.of(d3, d4, d5)) {
            assertTrue(hrefs.contains("/postmortems/" + id), id + " in " + hrefs);
        }
        assertEquals(7, hrefs.stream().distinct().count(), hrefs::toString);
    }

    @Test
    void aTeamIsPickedAndATeamsReaderIsHeldToItsOwn() {
        Document asked = Jsoup.parse(body(page("/recurring?" + ALL_DATES + "&team=web", signIn(ADMIN))));
        String reader = signIn(token("web-dashboard", "reader", "web"));
        Document own = Jsoup.parse(body(page("/recurring?" + ALL_DATES, reader)));
        HttpResponse<String> other = page("/recurring?" + ALL_DATES + "&team=pay", reader);

        // web's causes: D (Search) and C (Storefront); E1 alone is not a recurring cause for web
        List<String> web = List.of("cache / configuration-change", "certificate / expiry");
        assertEquals(web, asked.select("table.heatmap tbody tr").eachAttr("data-cause"));
        assertEquals(web, own.select("table.heatmap tbody tr").eachAttr("data-cause"));
        assertTrue(asked.selectFirst("input#team") != null, "an unscoped reader picks the team");
        assertTrue(own.selectFirst("input#team") == null, "no team picker for a team-scoped session");
        assertTrue(own.selectFirst("p.period").text().contains("team web"), own.selectFirst("p.period").text());
        assertEquals(HttpStatus.FORBIDDEN, other.getStatus());
        assertEquals("team: a token scoped to a team reads that team's reports only",
                Jsoup.parse(body(other)).selectFirst("[role=alert]").text());
    }

    @Test
    void badParametersAreAnsweredOnThePageWithTheApisStatusAndMessage() {
        String session = signIn(ADMIN);

        HttpResponse<String> badDate = page("/recurring?from=2025-13-01&to=2026-03-10", session);
        HttpResponse<String> unknownTeam = page("/recurring?team=nobody", session);

        assertEquals(HttpStatus.BAD_REQUEST, badDate.getStatus());
        Document page = Jsoup.parse(body(badDate));
        assertEquals("from: '2025-13-01' is not a date (YYYY-MM-DD)", page.selectFirst("[role=alert]").text());
        assertEquals("2025-13-01", page.selectFirst("input#from").val(), "the form keeps what was typed");
        assertTrue(page.select("table.heatmap").isEmpty());
        assertEquals(HttpStatus.BAD_REQUEST, unknownTeam.getStatus());
        assertEquals("team: no team with key 'nobody'",
                Jsoup.parse(body(unknownTeam)).selectFirst("[role=alert]").text());
    }

    @Test
    void aWindowWithoutRecurringCausesSaysSoInASentence() {
        Document page = Jsoup.parse(body(page("/recurring?from=2023-01-01&to=2023-12-31", signIn(ADMIN))));

        assertTrue(page.select("table.heatmap").isEmpty());
        assertTrue(page.text().contains("No cause came back in this window."), page.text());
    }

    @Test
    void aVisitorWithoutASessionIsSentToSignIn() {
        HttpResponse<String> response = send(HttpRequest.GET("/recurring?from=2024-01-01&team=web"));

        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/login?next=%2Frecurring%3Ffrom%3D2024-01-01%26team%3Dweb", response.header("Location"));
    }

    @Test
    void escapesPostmortemTitles() {
        client.exchange(HttpRequest.PATCH("/api/postmortems/" + data.id("A2"),
                Map.of("title", "Pool <script>alert(1)</script> again")).bearerAuth(ADMIN));

        String html = body(page("/recurring?" + ALL_DATES, signIn(ADMIN)));

        assertTrue(html.contains(">Pool &lt;script&gt;alert(1)&lt;/script&gt; again</a>"), html);
        assertFalse(html.contains("<script>"), html);
    }

    /**
     * One more incident of cause D (cache / configuration-change, Search), imported the day after it started as
     * RecurringDataset imports its own; answers the postmortem's id.
     */
    private long incident(String name, String day) {
        clock.set(Instant.parse(day + "T09:00:00Z").plus(Duration.ofDays(1)));
        Map<String, Object> imported = client.retrieve(HttpRequest.POST("/api/postmortems?source=wiki/" + name + ".md",
                "# Postmortem: Search incident " + name + "\n\n**Service:** Search\n**Incident start:** " + day
                        + " 08:00 UTC\n\n## Root cause\nA cache setting was changed by hand and the index was "
                        + "overloaded.\n\n## Action items\n\n- Put cache settings under review " + name + "\n")
                .contentType("text/markdown").bearerAuth(ADMIN), JSON_OBJECT);
        client.retrieve(HttpRequest.PATCH("/api/postmortems/" + id(imported), Map.of("root_cause", Map.of(
                "component", "cache", "trigger", "configuration-change"))).bearerAuth(ADMIN), JSON_OBJECT);
        clock.set(RecurringDataset.TODAY);
        return id(imported);
    }

    /** Each row's badge text by cause; "" for none. */
    private static Map<String, String> badges(Document page) {
        Map<String, String> badges = new LinkedHashMap<>();
        page.select("table.heatmap tbody tr").forEach(row -> {
            Element badge = row.selectFirst(".badge");
            badges.put(row.attr("data-cause"), badge == null ? "" : badge.text());
        });
        return badges;
    }
}
