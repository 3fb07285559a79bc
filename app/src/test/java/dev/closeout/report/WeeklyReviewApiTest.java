package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.security.Caller;
import dev.closeout.security.Role;
import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/reports/weekly} on {@link WeeklyDataset}: every number of the review of 2026-W10 as counted
 * by hand from the dataset's story, for every team and for one, its CSV parsed back, its Markdown digest, and
 * the team scope.
 */
class WeeklyReviewApiTest extends ApiTestBase {

    @Inject
    MovableClock clock;

    @Inject
    List<CommandLineReport> reports;

    @Inject
    JsonMapper json;

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
    void countsEveryNumberOfTheLastCompleteWeek() {
        Map<String, Object> review = getJson("/api/reports/weekly");

        Map<String, Object> expected = object(
                "week", "2026-W10", "from", "2026-03-02", "to", "2026-03-08",
                // P3 (03-04) and P4 (03-05); P5 came on 03-10
                "postmortems_imported", 2,
                // c1, c2, d1
                "followups_created", 3,
                // a1 done 03-03, a3 done 03-04, c2 not_doing 03-05, a2 not_doing 03-06
                "followups_closed", 4, "followups_done", 2, "followups_not_doing", 2,
                // b1 on 03-05
                "followups_reopened", 1,
                // at the end of Sunday 03-08: b1 (reopened), b2 (done only on 03-09), c1, d1
                "open_at_end", 4,
                // due before 03-08: b1 (02-20), b2 (03-06), d1 (03-06)
                "overdue_at_end", 3,
                // due in the week: a3 done on its due day; b2 done three days late; d1 still in progress
                "on_time_rate", 0.333,
                // days to close 1.0 (c2), 50.0 (a1), 50.875 (a3), 53.0 (a2): median 50.0 + 0.5 × 0.875 = 50.4375;
                // p90 at rank 0.9 × 3 = 2.7: 50.875 + 0.7 × 2.125 = 52.3625
                "median_days_to_close", 50.4, "p90_days_to_close", 52.4,
                "by_priority", List.of(
                        object("priority", "p1", "created", 1, "closed", 1, "median_days_to_close", 50.0),
                        // 1.0, 50.875, 53.0
                        object("priority", "p2", "created", 1, "closed", 3, "median_days_to_close", 50.9),
                        object("priority", null, "created", 1, "closed", 0, "median_days_to_close", null)),
                "by_kind", List.of(
                        // created c1, c2, d1; closed a1 (50.0) and c2 (1.0)
                        object("kind", "corrective", "created", 3, "closed", 2, "median_days_to_close", 25.5),
                        // closed a3 (50.875) and a2 (53.0): 51.9375
                        object("kind", "preventative", "created", 0, "closed", 2, "median_days_to_close", 51.9)),
                "by_team", List.of(
                        object("team", "pay", "open", 1, "overdue", 0, "closed", 4),
                        object("team", "web", "open", 3, "overdue", 3, "closed", 0)),
                "trend", List.of(
                        week("2025-W51", 0, 0, 0, 0),
                        week("2025-W52", 0, 0, 0, 0),
                        week("2026-W01", 0, 0, 0, 0),
                        week("2026-W02", 0, 0, 0, 0),
                        // P1's three; a1 in progress
                        week("2026-W03", 3, 0, 3, 0),
                        // a1 done on 01-20
                        week("2026-W04", 2, 0, 0, 1),
                        week("2026-W05", 2, 0, 0, 0),
                        // b1, b2 created; a1 reopened on 02-04: open again, and overdue since its due date 01-26
                        week("2026-W06", 5, 1, 2, 0),
                        week("2026-W07", 5, 1, 0, 0),
                        // b1 done on 02-19; a2 overdue on Sunday 02-22 (due 02-20, moved to 03-20 only on 02-25)
                        week("2026-W08", 4, 2, 0, 1),
                        week("2026-W09", 4, 1, 0, 0),
                        week("2026-W10", 4, 3, 3, 4)),
                // active today and overdue at the week's end: b1 and d1; b2 was overdue too but is done now
                "oldest_overdue", List.of(
                        overdue("b1", "Delete old index snapshots nightly", "web", "lee", "P1", "2026-02-20", 16, "P2"),
                        overdue("d1", "Add a CDN cache rule for product pages", "web", "kim", null, "2026-03-06", 2,
                                "P4")),
                // P3's database/code-change had P1 before; P4's cache/traffic-surge is new
                "recurring", List.of(object("component", "database", "trigger", "code-change", "incidents_before", 1,
                        "last_seen_before", "2026-01-12", "postmortems", List.of(object("id", pm("P3"),
                                "title", title("P3"), "incident_date", "2026-03-03")))));
        assertEquals(expected, review);
        assertEquals(review, getJson("/api/reports/weekly?week=2026-W10"), "the last complete week is the default");
    }

    @Test
    void countsOneTeamsWeekFromItsFollowUpsAndPostmortems() {
        Map<String, Object> review = getJson("/api/reports/weekly?week=2026-W10&team=pay");

        assertEquals(object(
                "week", "2026-W10", "from", "2026-03-02", "to", "2026-03-08",
                "postmortems_imported", 1, "followups_created", 2, "followups_closed", 4, "followups_done", 2,
                "followups_not_doing", 2, "followups_reopened", 0, "open_at_end", 1, "overdue_at_end", 0,
                // a3, its only follow-up due in the week, done on the day
                "on_time_rate", 1.0, "median_days_to_close", 50.4, "p90_days_to_close", 52.4,
                "by_priority", List.of(
                        object("priority", "p1", "created", 1, "closed", 1, "median_days_to_close", 50.0),
                        object("priority", "p2", "created", 1, "closed", 3, "median_days_to_close", 50.9)),
                "by_kind", List.of(
                        object("kind", "corrective", "created", 2, "closed", 2, "median_days_to_close", 25.5),
                        object("kind", "preventative", "created", 0, "closed", 2, "median_days_to_close", 51.9)),
                "by_team", List.of(object("team", "pay", "open", 1, "overdue", 0, "closed", 4)),
                "trend", List.of(
                        week("2025-W51", 0, 0, 0, 0), week("2025-W52", 0, 0, 0, 0), week("2026-W01", 0, 0, 0, 0),
                        week("2026-W02", 0, 0, 0, 0), week("2026-W03", 3, 0, 3, 0), week("2026-W04", 2, 0, 0, 1),
                        week("2026-W05", 2, 0, 0, 0),
                        // a1 reopened: open and overdue again
                        week("2026-W06", 3, 1, 0, 0), week("2026-W07", 3, 1, 0, 0),
                        week("2026-W08", 3, 2, 0, 0), week("2026-W09", 3, 1, 0, 0),
                        // c1 only; a1, a2, a3, c2 closed
                        week("2026-W10", 1, 0, 2, 4)),
                "oldest_overdue", List.of(),
                "recurring", List.of(object("component", "database", "trigger", "code-change", "incidents_before", 1,
                        "last_seen_before", "2026-01-12", "postmortems", List.of(object("id", pm("P3"),
                                "title", title("P3"), "incident_date", "2026-03-03"))))), review);
    }

    @Test
    void aFollowUpClosedTodayCountsAtOnceInTheWeekInProgress() {
        // today's backlog is counted again by a job every few minutes; the week in progress must not wait for it
        assertEquals(List.of(4, 2), Arrays.asList(getJson("/api/reports/weekly?week=2026-W11").get("open_at_end"),
                getJson("/api/reports/weekly?week=2026-W11").get("overdue_at_end")));

        // d1, in progress and overdue since 03-06, is done now
        exchange(HttpRequest.POST("/api/actions/" + data.id("d1") + "/transitions", Map.of("to", "done"))
                .bearerAuth(ADMIN));

        Map<String, Object> review = getJson("/api/reports/weekly?week=2026-W11");
        assertEquals(List.of(2, 3, 1), Arrays.asList(review.get("followups_closed"), review.get("open_at_end"),
                review.get("overdue_at_end")));
        assertEquals(week("2026-W11", 3, 1, 1, 2), list(review.get("trend")).get(11));
        Map<String, Object> web = getJson("/api/reports/weekly?week=2026-W11&team=web");
        // d1 is Storefront's, web's: b1 is left, open and overdue
        assertEquals(List.of(1, 1), Arrays.asList(web.get("open_at_end"), web.get("overdue_at_end")));
    }

    @Test
    void countsTheWeekInProgressUpToToday() {
        Map<String, Object> review = getJson("/api/reports/weekly?week=2026-W11");

        // Monday 03-09 to today, Wednesday 03-11: e1 created, b2 done; open today b1, c1, d1, e1; overdue b1, d1
        assertEquals(List.of("2026-W11", 1, 1, 1, 0, 0, 4, 2), Arrays.asList(review.get("week"),
                review.get("followups_created"), review.get("followups_closed"), review.get("followups_done"),
                review.get("followups_not_doing"), review.get("followups_reopened"), review.get("open_at_end"),
                review.get("overdue_at_end")));
        assertEquals(week("2026-W11", 4, 2, 1, 1), list(review.get("trend")).get(11));
        // due so far this week: b2 (03-06 is last week's); none: no rate
        assertEquals(null, review.get("on_time_rate"));
        // P5 on 03-10: database/code-change again, after P1 and P3
        assertEquals(List.of(object("component", "database", "trigger", "code-change", "incidents_before", 2,
                "last_seen_before", "2026-03-03", "postmortems", List.of(object("id", pm("P5"), "title", title("P5"),
                        "incident_date", "2026-03-09")))), review.get("recurring"));
    }

    @Test
    void aTeamScopedTokenGetsItsOwnTeamsReviewAndIsRefusedAnothers() {
        Map<String, Object> own = getJson("/api/reports/weekly?week=2026-W10", data.webReader);

        assertEquals(getJson("/api/reports/weekly?week=2026-W10&team=web"), own);
        assertEquals(List.of(object("team", "web", "open", 3, "overdue", 3, "closed", 0)), own.get("by_team"));
        assertEquals(getJson("/api/reports/weekly?week=2026-W10&team=web", data.webReader), own);
        assertProblem(HttpStatus.FORBIDDEN, "team: a team-scoped token reads its own team's reports only",
                () -> getJson("/api/reports/weekly?team=pay", data.webReader));
        assertProblem(HttpStatus.FORBIDDEN, "team: a team-scoped token reads its own team's reports only",
                () -> getJson("/api/reports/weekly?team=no-such-team", data.webReader));
    }

    @Test
    void refusesABadWeekOrAnUnknownTeamNamingTheParameter() {
        assertProblem(HttpStatus.BAD_REQUEST, "week: '2026-49' is not an ISO week such as 2026-W49",
                () -> getJson("/api/reports/weekly?week=2026-49"));
        assertProblem(HttpStatus.BAD_REQUEST, "week: '2026-W54': 2026 has weeks 01 to 53",
                () -> getJson("/api/reports/weekly?week=2026-W54"));
        assertProblem(HttpStatus.BAD_REQUEST, "week: 2026-W12 has not begun (today is 2026-03-11 in UTC)",
                () -> getJson("/api/reports/weekly?week=2026-W12"));
        assertProblem(HttpStatus.BAD_REQUEST, "team: no team with key 'no-such-team'",
                () -> getJson("/api/reports/weekly?team=no-such-team"));
        assertProblem(HttpStatus.BAD_REQUEST, "format: 'pdf' is not one of json, csv, markdown",
                () -> getJson("/api/reports/weekly?format=pdf"));
    }

    @Test
    void answersCsvOneRowPerTrendWeekWithTheHeadlineOnTheLast() throws IOException {
        HttpResponse<String> response = client.exchange(HttpRequest.GET("/api/reports/weekly?week=2026-W10")
                .accept("text/csv").bearerAuth(ADMIN), String.class);

        assertEquals("text/csv;charset=utf-8", response.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"weekly-2026-W10.csv\"", response.header("Content-Disposition"));
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body()))) {
            assertEquals(WeeklyReview.CSV_HEADER, parser.getHeaderNames());
            records = parser.getRecords();
        }
        assertEquals(12, records.size());
        assertEquals(List.of("2025-W51", "2025-12-15", "2025-12-21", "0", "0", "0", "0", "", "", "", "", "", "", ""),
                records.get(0).toList());
        assertEquals(List.of("2026-W06", "2026-02-02", "2026-02-08", "5", "1", "2", "0", "", "", "", "", "", "", ""),
                records.get(7).toList());
        assertEquals(List.of("2026-W10", "2026-03-02", "2026-03-08", "4", "3", "3", "4", "2", "2", "1", "2", "0.333",
                "50.4", "52.4"), records.get(11).toList());
        assertEquals(response.body(), client.retrieve(HttpRequest.GET("/api/reports/weekly?week=2026-W10&format=csv")
                .bearerAuth(ADMIN)));
    }

    @Test
    void answersAMarkdownDigestToPaste() {
        HttpResponse<String> response = client.exchange(HttpRequest.GET("/api/reports/weekly?week=2026-W10")
                .accept("text/markdown").bearerAuth(ADMIN), String.class);
        String digest = response.body();

        assertEquals("text/markdown;charset=utf-8", response.getContentType().orElseThrow().toString());
        List<String> lines = digest.lines().toList();
        assertEquals("## Weekly review 2026-W10 (2026-03-02 to 2026-03-08)", lines.get(0));
        assertTrue(lines.contains("- **Created:** 3 follow-ups; **closed:** 4 (2 done, 2 not doing); **reopened:** 1"),
                digest);
        assertTrue(lines.contains("- **At the end of the week:** 4 open, 3 overdue"), digest);
        assertTrue(lines.contains("- **On time:** 33%; **days to close:** median 50.4 days, p90 52.4 days"), digest);
        assertTrue(lines.contains("- **Postmortems imported:** 2"), digest);
        int table = lines.indexOf("| Week | Open | Overdue | Created | Closed |");
        assertEquals(List.of("| --- | ---: | ---: | ---: | ---: |", "| 2025-W51 | 0 | 0 | 0 | 0 |"),
                lines.subList(table + 1, table + 3));
        assertEquals("| 2026-W10 | 4 | 3 | 3 | 4 |", lines.get(table + 13));
        assertTrue(lines.contains("1. [Delete old index snapshots nightly](/api/actions/" + data.id("b1")
                + ") — 16 days overdue (due 2026-02-20), web, lee"), digest);
        assertTrue(lines.contains("2. [Add a CDN cache rule for product pages](/api/actions/" + data.id("d1")
                + ") — 2 days overdue (due 2026-03-06), web, kim"), digest);
        assertTrue(lines.contains("- **database / code-change**: " + WeeklyDigest.escape(title("P3"))
                + " (2026-03-03); 1 incident(s) before, last on 2026-01-12"), digest);
        assertEquals(digest, client.retrieve(HttpRequest.GET("/api/reports/weekly?week=2026-W10&format=markdown")
                .bearerAuth(ADMIN)));
    }

    @Test
    void theCommandLineGetsTheSameReviewAsAlignedTablesOrReadBackFromTheServer() throws IOException {
        CommandLineReport weekly = reports.stream().filter(report -> report.name().equals("weekly")).findFirst()
                .orElseThrow();
        ReportAnswer answer = weekly.answer(new ReportRequest(null, "2026-W10"), new Caller("cli", Role.ADMIN, null));
        String body = client.retrieve(HttpRequest.GET(weekly.path() + "?week=2026-W10").bearerAuth(ADMIN));

        assertEquals(answer, json.readValue(body, weekly.answerType()), "the server's JSON reads back as the answer");
        List<String> text = answer.text().lines().toList();
        assertEquals("Weekly review 2026-W10 (2026-03-02 to 2026-03-08)", text.get(0));
        assertTrue(text.contains("follow-ups closed         4"), answer.text());
        assertTrue(text.contains("on-time rate          0.333"), answer.text());
        int trend = text.indexOf("week      open  overdue  created  closed");
        assertEquals("2026-W06     5        1        2       0", text.get(trend + 9));
        assertEquals(answer.markdown().orElseThrow(), client.retrieve(HttpRequest.GET(weekly.path()
                + "?week=2026-W10&format=markdown").bearerAuth(ADMIN)));
    }

    private static Map<String, Object> week(String week, int open, int overdue, int created, int closed) {
        return object("week", week, "open", open, "overdue", overdue, "created", created, "closed", closed);
    }

    private Map<String, Object> overdue(String action, String text, String team, String owner, String priority,
                                        String due, int days, String postmortem) {
        return object("id", (int) data.id(action), "text", text, "team", team, "owner", owner, "priority", priority,
                "due", due, "days_overdue", days, "postmortem_id", pm(postmortem), "postmortem_title", title(postmortem),
                "url", "/api/actions/" + data.id(action));
    }

    private int pm(String name) {
        return Math.toIntExact(data.postmortems.get(name));
    }

    private String title(String postmortem) {
        return (String) getJson("/api/postmortems/" + data.postmortems.get(postmortem)).get("title");
    }

    /** A JSON object as the client reads it, nulls allowed, keys in the order given. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
