package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.security.Caller;
import dev.closeout.security.Role;
import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.ACTION_CLOSED_PERIOD;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/reports/recurring-causes} over {@link RecurringDataset}: every number computed by hand from the
 * dataset's story, written out below.
 */
class RecurringCausesApiTest extends ApiTestBase {

    private static final String ALL_DATES = "/api/reports/recurring-causes?from=2024-01-01&to=2026-03-10";

    @Inject
    MovableClock clock;

    @Inject
    RecurringCommandLineReport commandLine;

    private RecurringDataset data;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(TestDatabase.properties());
    }

    @BeforeEach
    void dataset() {
        data = RecurringDataset.create(client, clock);
    }

    @Test
    void everyCauseSeenTwiceOrMoreWithItsIncidentsFollowUpsAndRecurrence() {
        Map<String, Object> report = getJson(ALL_DATES);

        assertEquals("2024-01-01", report.get("from"));
        assertEquals("2026-03-10", report.get("to"));
        assertEquals(List.of(
                // D: D0 (started first, imported last), D1, D2, G (no start: its import day). D1's follow-ups
                // were not_doing, D2's was done after D2 and no incident with a known start came later (G's
                // start is not known), D0's follow-up was created after all of them: recurring
                cause("cache", "configuration-change", 4, "2024-10-01", "2025-12-01", "recurring",
                        incident("D0", "2024-10-01", 1, 0, 1), incident("D1", "2024-11-10", 2, 0, 0),
                        incident("D2", "2025-03-15", 1, 1, 0), incident("G", "2025-12-01", 1, 0, 1)),
                // A: A1's three follow-ups were all done by 2024-04-15, A2 started on 2024-09-12
                cause("database", "resource-exhaustion", 3, "2024-03-05", "2025-06-20", "fixed_but_recurred",
                        incident("A1", "2024-03-05", 3, 3, 0), incident("A2", "2024-09-12", 2, 1, 0),
                        incident("A3", "2025-06-20", 2, 0, 2)),
                // E: E1 (web) still open when E2 (pay) started; 2 incidents, last seen 2025-10-01
                cause("application", "code-change", 2, "2025-09-01", "2025-10-01", "known_not_fixed",
                        incident("E1", "2025-09-01", 1, 0, 1), incident("E2", "2025-10-01", 1, 0, 1)),
                // C: C1 done by 2024-08-01; C2 on 2025-07-01; m1 reopened on 2025-07-03 (open now, done then)
                cause("certificate", "expiry", 2, "2024-07-01", "2025-07-01", "fixed_but_recurred",
                        incident("C1", "2024-07-01", 2, 1, 1), incident("C2", "2025-07-01", 1, 0, 1)),
                // B: B1's k2 never started, k1 done then reopened: open when B2 started
                cause("third-party", "dependency-failure", 2, "2024-05-02", "2025-01-15", "known_not_fixed",
                        incident("B1", "2024-05-02", 2, 0, 2), incident("B2", "2025-01-15", 1, 0, 1))),
                report.get("causes"));
        // H1 and H2 share storage / unknown: an unknown trigger is no shared cause. F and I1 are single.
        assertEquals(List.of(
                Map.of("service", "Search", "component", "cache", "incidents", 4),
                Map.of("service", "Billing", "component", "third-party", "incidents", 2),
                Map.of("service", "Checkout", "component", "database", "incidents", 2),
                Map.of("service", "Search", "component", "storage", "incidents", 2),
                Map.of("service", "Storefront", "component", "certificate", "incidents", 2)),
                report.get("by_service"));
        assertEquals(List.of("causes", "from", "to", "by_service", "alike").stream().sorted().toList(),
                report.keySet().stream().sorted().toList());
    }

    @Test
    void incidentsWhoseRootCausesReadAlikeAreGroupedAcrossTheirLabels() {
        Map<String, Object> alike = map(getJson(ALL_DATES).get("alike"));

        assertEquals(0.4, ((Number) alike.get("threshold")).doubleValue());
        // every incident of the dataset (17) has a root-cause summary, and there are fewer than 500
        assertEquals(17, alike.get("compared"));
        assertEquals(17, alike.get("of"));
        // A's three pool exhaustions and I1, which a configuration change caused, read alike; nothing else does
        assertEquals(List.of(Map.of(
                "labels", List.of(Map.of("component", "database", "trigger", "resource-exhaustion", "incidents", 3),
                        Map.of("component", "application", "trigger", "configuration-change", "incidents", 1)),
                "incidents", 4, "first_seen", "2024-03-05", "last_seen", "2025-11-15",
                "postmortems", List.of(
                        alikeIncident("A1", "2024-03-05", "database", "resource-exhaustion", 3, 3, 0),
                        alikeIncident("A2", "2024-09-12", "database", "resource-exhaustion", 2, 1, 0),
                        alikeIncident("A3", "2025-06-20", "database", "resource-exhaustion", 2, 0, 2),
                        alikeIncident("I1", "2025-11-15", "application", "configuration-change", 1, 0, 1)),
                "recurrence", "fixed_but_recurred")), alike.get("groups"));
    }

    @Test
    void theDefaultWindowIsTheLast365DaysEndingToday() {
        Map<String, Object> report = getJson("/api/reports/recurring-causes");

        assertEquals("2025-03-11", report.get("from"));
        assertEquals("2026-03-10", report.get("to"));
        // in it: A3, C2, D2, F, E1, E2, I1, G. D2 and G are D's; E1 and E2 are E's. The others are alone.
        assertEquals(List.of(
                cause("cache", "configuration-change", 2, "2025-03-15", "2025-12-01", "recurring",
                        incident("D2", "2025-03-15", 1, 1, 0), incident("G", "2025-12-01", 1, 0, 1)),
                cause("application", "code-change", 2, "2025-09-01", "2025-10-01", "known_not_fixed",
                        incident("E1", "2025-09-01", 1, 0, 1), incident("E2", "2025-10-01", 1, 0, 1))),
                report.get("causes"));
        assertEquals(List.of(Map.of("service", "Search", "component", "cache", "incidents", 2)),
                report.get("by_service"));
    }

    @Test
    void minIncidentsPerCauseAndServiceFilter() {
        List<Map<String, Object>> causes = list(getJson(ALL_DATES + "&min_incidents=3").get("causes"));
        assertEquals(List.of("cache/configuration-change", "database/resource-exhaustion"), names(causes));

        Map<String, Object> checkout = getJson(ALL_DATES + "&service=checkout");
        // Checkout's incidents: A1, A2 (database), E2 (application)
        assertEquals(List.of(cause("database", "resource-exhaustion", 2, "2024-03-05", "2024-09-12",
                "fixed_but_recurred", incident("A1", "2024-03-05", 3, 3, 0), incident("A2", "2024-09-12", 2, 1, 0))),
                checkout.get("causes"));

        // one incident is enough at min_incidents=1: single causes too, H's unknown trigger still not a cause
        List<Map<String, Object>> all = list(getJson(ALL_DATES + "&min_incidents=1").get("causes"));
        assertEquals(List.of("cache/configuration-change", "database/resource-exhaustion", "application/code-change",
                "certificate/expiry", "third-party/dependency-failure", "application/configuration-change",
                "network/configuration-change"), names(all));
    }

    @Test
    void perCauseListsTheLatestPostmortemsAndKeepsTheCount() {
        List<Map<String, Object>> causes = list(getJson(ALL_DATES + "&per_cause=1").get("causes"));

        Map<String, Object> cache = causes.get(0);
        assertEquals(4, cache.get("incidents"));
        assertEquals(List.of(incident("G", "2025-12-01", 1, 0, 1)), cache.get("postmortems"));
    }

    @Test
    void incidentsAreCountedPerQuarterAllOfThemListedOrNot() {
        List<Map<String, Object>> causes = list(getJson(ALL_DATES + "&per_cause=1").get("causes"));

        // D0 2024-10-01 and D1 2024-11-10; D2 2025-03-15; G 2025-12-01 (its import day). Quarters without an
        // incident are left out.
        assertEquals(List.of(Map.of("quarter", "2024-Q4", "incidents", 2), Map.of("quarter", "2025-Q1", "incidents", 1),
                Map.of("quarter", "2025-Q4", "incidents", 1)), causes.get(0).get("by_quarter"));
        // A1 2024-03-05, A2 2024-09-12, A3 2025-06-20
        assertEquals(List.of(Map.of("quarter", "2024-Q1", "incidents", 1), Map.of("quarter", "2024-Q3", "incidents", 1),
                Map.of("quarter", "2025-Q2", "incidents", 1)), causes.get(1).get("by_quarter"));
    }

    @Test
    void aTeamSeesItsOwnIncidentsAndFollowUps() {
        String webReader = token("web-dashboard", "reader", "web");
        Map<String, Object> asWeb = getJson(ALL_DATES, webReader);
        Map<String, Object> askedForWeb = getJson(ALL_DATES + "&team=web");

        // web's postmortems: Storefront's and Search's; E1 alone is not a recurring cause for web
        List<Map<String, Object>> expected = List.of(
                cause("cache", "configuration-change", 4, "2024-10-01", "2025-12-01", "recurring",
                        incident("D0", "2024-10-01", 1, 0, 1), incident("D1", "2024-11-10", 2, 0, 0),
                        incident("D2", "2025-03-15", 1, 1, 0), incident("G", "2025-12-01", 1, 0, 1)),
                cause("certificate", "expiry", 2, "2024-07-01", "2025-07-01", "fixed_but_recurred",
                        incident("C1", "2024-07-01", 2, 1, 1), incident("C2", "2025-07-01", 1, 0, 1)));
        assertEquals(expected, asWeb.get("causes"));
        assertEquals(expected, askedForWeb.get("causes"));
        assertEquals(List.of(
                Map.of("service", "Search", "component", "cache", "incidents", 4),
                Map.of("service", "Search", "component", "storage", "incidents", 2),
                Map.of("service", "Storefront", "component", "certificate", "incidents", 2)),
                asWeb.get("by_service"));
        assertEquals(List.of(), map(asWeb.get("alike")).get("groups"));

        List<String> pay = names(list(getJson(ALL_DATES + "&team=pay").get("causes")));
        assertEquals(List.of("database/resource-exhaustion", "third-party/dependency-failure"), pay);
    }

    @Test
    void aTeamScopedTokenIsRefusedAnotherTeamsReport() {
        String webReader = token("web-dashboard", "reader", "web");

        assertProblem(HttpStatus.FORBIDDEN, "team:", () -> getJson(ALL_DATES + "&team=pay", webReader));
        // alike for a team that does not exist: nothing is told about which teams exist
        assertProblem(HttpStatus.FORBIDDEN, "team:", () -> getJson(ALL_DATES + "&team=nobody", webReader));
    }

    @Test
    void badParametersAreNamed() {
        assertProblem(HttpStatus.BAD_REQUEST, "from: 2025-02-01 is after to 2025-01-31",
                () -> getJson("/api/reports/recurring-causes?from=2025-02-01&to=2025-01-31"));
        assertProblem(HttpStatus.BAD_REQUEST, "from: '2025-13-01' is not a date",
                () -> getJson("/api/reports/recurring-causes?from=2025-13-01"));
        assertProblem(HttpStatus.BAD_REQUEST, "to: 'yesterday' is not a date",
                () -> getJson("/api/reports/recurring-causes?to=yesterday"));
        assertProblem(HttpStatus.BAD_REQUEST, "min_incidents: '0'",
                () -> getJson("/api/reports/recurring-causes?min_incidents=0"));
        assertProblem(HttpStatus.BAD_REQUEST, "per_cause: 'all'",
                () -> getJson("/api/reports/recurring-causes?per_cause=all"));
        assertProblem(HttpStatus.BAD_REQUEST, "team: no team with key 'nobody'",
                () -> getJson("/api/reports/recurring-causes?team=nobody"));
        assertProblem(HttpStatus.BAD_REQUEST, "format:",
                () -> getJson("/api/reports/recurring-causes?format=markdown"));
    }

    @Test
    void csvHasOneRowPerCauseAndPostmortem() throws IOException {
        HttpResponse<String> response = client.exchange(HttpRequest.GET(ALL_DATES).accept("text/csv")
                .bearerAuth(ADMIN), String.class);
        String byFormat = client.retrieve(HttpRequest.GET(ALL_DATES + "&format=csv").bearerAuth(ADMIN));

        assertEquals("text/csv;charset=utf-8", response.getContentType().orElseThrow().toString());
        assertTrue(response.header("Content-Disposition").contains("recurring-causes-2024-01-01-2026-03-10.csv"));
        assertEquals(response.body(), byFormat);
        List<CSVRecord> rows = CSVParser.parse(new StringReader(response.body()), CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertEquals(RecurringCausesReport.CSV_HEADER, rows.get(0).getParser().getHeaderNames());
        // 4 + 3 + 2 + 2 + 2 incidents of the five causes
        assertEquals(13, rows.size());
        CSVRecord a2 = rows.get(5);
        assertEquals(List.of("database", "resource-exhaustion", "3", "2024-03-05", "2025-06-20", "fixed_but_recurred",
                String.valueOf(data.id("A2")), "Postmortem: Checkout incident A2", "2024-09-12", "2", "1", "0"),
                a2.toList());
    }

    @Test
    void reopeningRecordsThePeriodTheFollowUpSpentClosed() {
        // B1's k1: done on 2024-06-01, reopened on 2024-08-01; C1's m1: done 2024-07-15, reopened 2025-07-03
        List<String> periods = transactions.executeRead(status -> dsl.select(ACTION_CLOSED_PERIOD.ACTION_ID,
                        ACTION_CLOSED_PERIOD.STATUS, ACTION_CLOSED_PERIOD.CLOSED_AT, ACTION_CLOSED_PERIOD.REOPENED_AT)
                .from(ACTION_CLOSED_PERIOD).orderBy(ACTION_CLOSED_PERIOD.REOPENED_AT)
                .fetch(row -> row.value1() + " " + row.value2() + " " + row.value3() + " " + row.value4()));
        assertEquals(List.of(data.followUp("B1", 0) + " done 2024-06-01T10:00 2024-08-01T10:00",
                data.followUp("C1", 0) + " done 2024-07-15T10:00 2025-07-03T10:00"), periods);
        List<Long> reopened = transactions.executeRead(status -> dsl.select(ACTION_ITEM.ID).from(ACTION_ITEM)
                .where(ACTION_ITEM.REOPENED.isTrue()).orderBy(ACTION_ITEM.ID).fetch(ACTION_ITEM.ID));
        assertEquals(List.of(data.followUp("B1", 0), data.followUp("C1", 0)), reopened);
    }

    @Test
    void theCommandLineRendersAlignedTables() {
        String text = commandLine.answer(new ReportRequest("pay", null), new Caller("cli", Role.ADMIN, null)).text();

        // pay's incidents of the last 365 days: A3, E2, I1 — no cause twice
        assertTrue(text.startsWith("Recurring causes, incidents from 2025-03-11 to 2026-03-10\n\n"), text);
        assertTrue(text.contains("No cause came back in this window."), text);

        RecurringCausesReport all = (RecurringCausesReport) commandLine.answer(new ReportRequest(null, null),
                new Caller("cli", Role.ADMIN, null));
        String lines = all.text();
        assertTrue(lines.contains("""
                component    trigger               incidents  first seen  last seen   recurrence
                -----------  --------------------  ---------  ----------  ----------  ---------------
                cache        configuration-change          2  2025-03-15  2025-12-01  recurring
                application  code-change                   2  2025-09-01  2025-10-01  known_not_fixed
                """), lines);
    }

    private Map<String, Object> cause(String component, String trigger, int incidents, String firstSeen,
                                      String lastSeen, String recurrence, Map<String, Object>... postmortems) {
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("component", component);
        cause.put("trigger", trigger);
        cause.put("incidents", incidents);
        cause.put("first_seen", firstSeen);
        cause.put("last_seen", lastSeen);
        cause.put("postmortems", List.of(postmortems));
        cause.put("recurrence", recurrence);
        // every incident is listed in these expectations, so their dates give the count per quarter; the counts
        // themselves are checked by hand in incidentsAreCountedPerQuarterAllOfThemListedOrNot
        Map<String, Integer> quarters = new LinkedHashMap<>();
        for (Map<String, Object> postmortem : postmortems) {
            LocalDate date = LocalDate.parse((String) postmortem.get("incident_date"));
            quarters.merge(date.getYear() + "-Q" + ((date.getMonthValue() + 2) / 3), 1, Integer::sum);
        }
        cause.put("by_quarter", quarters.entrySet().stream()
                .map(quarter -> Map.<String, Object>of("quarter", quarter.getKey(), "incidents", quarter.getValue()))
                .toList());
        return cause;
    }

    private Map<String, Object> incident(String name, String date, int total, int done, int open) {
        return Map.of("id", Math.toIntExact(data.id(name)), "title", title(name), "incident_date", date,
                "followups_total", total, "followups_done", done, "followups_open", open);
    }

    private Map<String, Object> alikeIncident(String name, String date, String component, String trigger, int total,
                                              int done, int open) {
        Map<String, Object> incident = new HashMap<>(incident(name, date, total, done, open));
        incident.put("component", component);
        incident.put("trigger", trigger);
        return incident;
    }

    private static String title(String name) {
        String service = switch (name.charAt(0)) {
            case 'A' -> name.equals("A3") ? "Billing" : "Checkout";
            case 'B', 'I' -> "Billing";
            case 'C', 'F' -> "Storefront";
            case 'D', 'G', 'H' -> "Search";
            case 'E' -> name.equals("E1") ? "Storefront" : "Checkout";
            default -> throw new IllegalArgumentException(name);
        };
        return "Postmortem: " + service + " incident " + name;
    }

    private static List<String> names(List<Map<String, Object>> causes) {
        List<String> names = new ArrayList<>();
        causes.forEach(cause -> names.add(cause.get("component") + "/" + cause.get("trigger")));
        return names;
    }
}
