package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpHeaders;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/reports/overdue} on {@link OverdueDataset}: every number is counted by hand below from the
 * dataset's due dates and history, today being 2026-03-10 (D).
 */
class OverdueReportApiTest extends ApiTestBase {

    private static final String REPORT = "/api/reports/overdue";

    @Inject
    MovableClock clock;

    OverdueDataset data;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void buildDataset() {
        data = OverdueDataset.build(client, dsl, transactions, clock);
    }

    @Test
    void countsEveryOverdueFollowUpByTeamOwnerServicePriorityAndAge() {
        Map<String, Object> report = getJson(REPORT);

        assertEquals("2026-03-10", report.get("as_of"));
        // overdue: rollBack 1, alertPool 7, snapshots 8, idempotent 30, diskAlert 31, refund 60 (reopened),
        // capacity 90, capPool 91, reconcile 100; not: done, not_doing, removed, due today or later, no due date
        assertEquals(9, report.get("total"));
        // runbook (due today) and audit (D+7); retention (D+8) is not
        assertEquals(2, report.get("due_soon"));
        assertEquals(List.of(count("team", "pay", 5), count("team", "web", 3), count("team", null, 1)),
                report.get("by_team"));
        assertEquals(List.of(count("owner", "priya", 3), count("owner", "omar", 2), count("owner", "wanda", 2),
                count("owner", "lena", 1), count("owner", "wes", 1)), report.get("by_owner"));
        assertEquals(List.of(count("service", "Checkout", 3), count("service", "Search", 3),
                count("service", "Billing", 2), count("service", "Ledger", 1)), report.get("by_service"));
        assertEquals(List.of(count("priority", "P1", 4), count("priority", "P2", 3), count("priority", "P3", 1),
                count("priority", null, 1)), report.get("by_priority"));
        // 1-7: 1, 7; 8-30: 8, 30; 31-90: 31, 60, 90; 90+: 91, 100
        assertEquals(List.of(count("bucket", "1-7", 2), count("bucket", "8-30", 2), count("bucket", "31-90", 3),
                count("bucket", "90+", 2)), report.get("by_age"));
    }

    @Test
    void listsTheItemsMostOverdueFirstAsTheFollowUpListShowsThem() {
        Map<String, Object> report = getJson(REPORT);

        List<Map<String, Object>> items = list(report.get("items"));
        assertEquals(List.of(data.reconcile, data.capPool, data.capacity, data.refund, data.diskAlert,
                data.idempotent, data.snapshots, data.alertPool, data.rollBack), ids(items));
        assertEquals(List.of(100, 91, 90, 60, 31, 30, 8, 7, 1),
                items.stream().map(i -> i.get("days_overdue")).toList());
        assertNull(report.get("next"));
        Map<String, Object> refund = items.get(3);
        assertEquals("Postmortem: customers charged twice by Billing", refund.get("postmortem_title"));
        assertEquals("Billing", refund.get("service"));
        Map<String, Object> asListed = new LinkedHashMap<>(refund);
        asListed.keySet().removeAll(List.of("days_overdue", "postmortem_title", "service"));
        assertEquals(getJson("/api/actions/" + data.refund), asListed);
        assertEquals("open", refund.get("status"));
        assertEquals("2026-01-09", refund.get("due"));
    }

    @Test
    void pagesTheItemsWhileEveryPageCountsThemAll() {
        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = getJson(REPORT + "?limit=4" + (next == null ? "" : "&cursor=" + next));
            assertEquals(9, page.get("total"));
            assertEquals(3, list(page.get("by_team")).size());
            seen.addAll(ids(list(page.get("items"))));
            pageSizes.add(list(page.get("items")).size());
            next = (String) page.get("next");
        } while (next != null);

        assertEquals(List.of(4, 4, 1), pageSizes);
        // a page of another size right after: nothing of the previous query's page size is kept (H2 once did)
        assertEquals(9, list(getJson(REPORT + "?limit=9").get("items")).size());
        assertEquals(9, list(getJson(REPORT).get("items")).size());
        assertEquals(List.of(data.reconcile, data.capPool, data.capacity, data.refund, data.diskAlert,
                data.idempotent, data.snapshots, data.alertPool, data.rollBack), seen);
    }

    @Test
    void filtersByTeamOwnerServicePriorityAndKind() {
        assertEquals(List.of(data.capPool, data.refund, data.idempotent, data.alertPool, data.rollBack),
                ids(list(getJson(REPORT + "?team=pay").get("items"))));
        assertEquals(3, getJson(REPORT + "?owner=priya").get("total"));
        assertEquals(List.of(data.capPool, data.idempotent), ids(list(getJson(REPORT + "?team=pay&owner=omar")
                .get("items"))));
        // service and priority ignore case
        assertEquals(List.of(data.capPool, data.alertPool, data.rollBack),
                ids(list(getJson(REPORT + "?service=checkout").get("items"))));
        assertEquals(4, getJson(REPORT + "?priority=p1").get("total"));
        assertEquals(List.of(data.capPool, data.capacity, data.diskAlert, data.alertPool),
                ids(list(getJson(REPORT + "?kind=preventative").get("items"))));
        Map<String, Object> corrective = getJson(REPORT + "?kind=corrective");
        assertEquals(5, corrective.get("total"));
        // runbook (today) and audit (D+7) are corrective and due soon
        assertEquals(2, corrective.get("due_soon"));
        assertEquals(List.of(count("bucket", "1-7", 1), count("bucket", "8-30", 2), count("bucket", "31-90", 1),
                count("bucket", "90+", 1)), corrective.get("by_age"));
    }

    @Test
    void aServiceCorrectedOrReimportedMovesItsPostmortemsFollowUpsInTheCounts() {
        // counted from each follow-up's copy of its postmortem's service: both ways of changing it must reach it
        exchange(HttpRequest.PATCH("/api/postmortems/" + data.ledgerPostmortem, Map.of("service", "Billing"))
                .bearerAuth(ADMIN));
        importJson(OverdueDataset.SEARCH_SOURCE, OverdueDataset.SEARCH
                .replace("| Remove the legacy search index | corrective | wes | 2026-01-29 | P2 |\n", "")
                .replace("**Service:** Search", "**Service:** Search Index"));

        Map<String, Object> report = getJson(REPORT);
        assertEquals(List.of(count("service", "Billing", 3), count("service", "Checkout", 3),
                count("service", "Search Index", 3)), report.get("by_service"));
        assertEquals(9, report.get("total"));
        assertEquals(List.of(data.reconcile, data.refund, data.idempotent),
                ids(list(getJson(REPORT + "?service=billing").get("items"))));
        assertEquals(List.of(data.capacity, data.diskAlert, data.snapshots),
                ids(list(getJson(REPORT + "?service=search%20index").get("items"))));
        assertEquals(0, getJson(REPORT + "?service=ledger").get("total"));
        // an earlier day, counted from the history, groups by the service as it is now, as its items show it:
        // yesterday the disk rotation was overdue too, the roll-back not yet
        assertEquals(List.of(count("service", "Search Index", 4), count("service", "Billing", 3),
                count("service", "Checkout", 2)), getJson(REPORT + "?as_of=2026-03-09").get("by_service"));
    }

    @Test
    void anEarlierDayIsCountedFromTheHistoryOfEachFollowUp() {
        // 2026-02-10: refund was done (2026-02-01 to 02-20); legacyIndex not yet removed (02-15), 12 days
        Map<String, Object> february10 = getJson(REPORT + "?as_of=2026-02-10");
        assertEquals("2026-02-10", february10.get("as_of"));
        assertEquals(List.of(data.reconcile, data.capPool, data.capacity, data.legacyIndex, data.diskAlert,
                data.idempotent), ids(list(february10.get("items"))));
        assertEquals(List.of(72, 63, 62, 12, 3, 2),
                list(february10.get("items")).stream().map(i -> i.get("days_overdue")).toList());
        assertEquals(6, february10.get("total"));
        assertEquals(0, february10.get("due_soon"));
        assertEquals(List.of(count("bucket", "1-7", 2), count("bucket", "8-30", 1), count("bucket", "31-90", 3),
                count("bucket", "90+", 0)), february10.get("by_age"));
        assertEquals(List.of(count("team", "web", 3), count("team", "pay", 2), count("team", null, 1)),
                february10.get("by_team"));

        // 2026-02-25: refund reopened (47 days), legacyIndex removed; alertPool (03-03) and snapshots (03-02)
        // due soon, the rotation (03-05) a day too late for it
        Map<String, Object> february25 = getJson(REPORT + "?as_of=2026-02-25");
        assertEquals(6, february25.get("total"));
        assertEquals(2, february25.get("due_soon"));
        assertEquals(List.of(data.reconcile, data.capPool, data.capacity, data.refund, data.diskAlert,
                data.idempotent), ids(list(february25.get("items"))));
        assertEquals(List.of(87, 78, 77, 47, 18, 17),
                list(february25.get("items")).stream().map(i -> i.get("days_overdue")).toList());
        assertEquals(List.of(count("bucket", "1-7", 0), count("bucket", "8-30", 2), count("bucket", "31-90", 4),
                count("bucket", "90+", 0)), february25.get("by_age"));

        // yesterday: the disk rotation, done today at 08:00, was still 4 days overdue; rollBack due that day
        Map<String, Object> yesterday = getJson(REPORT + "?as_of=2026-03-09");
        assertEquals(9, yesterday.get("total"));
        assertEquals(2, yesterday.get("due_soon"));
        assertTrue(ids(list(yesterday.get("items"))).contains(data.rotateDisks));
        assertEquals(List.of(count("bucket", "1-7", 3), count("bucket", "8-30", 2), count("bucket", "31-90", 3),
                count("bucket", "90+", 1)), yesterday.get("by_age"));

        // before anything was imported: nothing existed to be overdue
        Map<String, Object> beforeImport = getJson(REPORT + "?as_of=2025-12-31");
        assertEquals(0, beforeImport.get("total"));
        assertEquals(List.of(), beforeImport.get("items"));
    }

    @Test
    void anEarlierDayCountsTheDueDateInForceAtItsEnd() throws IOException {
        // capacity (due 2025-12-10) extended on 02-20 to 03-01 and on 03-05 to 04-01; retention (due 03-18) pulled
        // in on 02-20 to 02-01; archive (no due date) given 01-20 on 02-20
        moveDue(data.capacity, "2026-03-01", "2026-02-20T12:00:00Z");
        moveDue(data.retention, "2026-02-01", "2026-02-20T12:00:00Z");
        moveDue(data.archive, "2026-01-20", "2026-02-20T12:00:00Z");
        moveDue(data.capacity, "2026-04-01", "2026-03-05T12:00:00Z");
        clock.set(OverdueDataset.NOW);

        // 2026-02-10, before every move: capacity still due 2025-12-10 (62 days), retention 03-18 (not even due
        // soon), archive without a due date; the same six as without the moves
        Map<String, Object> february10 = getJson(REPORT + "?as_of=2026-02-10");
        List<Map<String, Object>> items = list(february10.get("items"));
        assertEquals(List.of(data.reconcile, data.capPool, data.capacity, data.legacyIndex, data.diskAlert,
                data.idempotent), ids(items));
        assertEquals(List.of(72, 63, 62, 12, 3, 2), items.stream().map(i -> i.get("days_overdue")).toList());
        // the item is the follow-up as it is now: its due date is today's
        assertEquals("2026-04-01", items.get(2).get("due"));
        assertEquals(6, february10.get("total"));
        assertEquals(0, february10.get("due_soon"));
        assertEquals(List.of(count("bucket", "1-7", 2), count("bucket", "8-30", 1), count("bucket", "31-90", 3),
                count("bucket", "90+", 0)), february10.get("by_age"));
        assertEquals(List.of(count("team", "web", 3), count("team", "pay", 2), count("team", null, 1)),
                february10.get("by_team"));
        assertEquals(List.of(count("priority", "P1", 2), count("priority", "P2", 2), count("priority", "P3", 1),
                count("priority", null, 1)), february10.get("by_priority"));
        // pages go by the due date of that day: after capPool (12-09) comes capacity (12-10 then, 04-01 now), and
        // a page ending with capacity goes on after 12-10
        for (int limit : List.of(2, 3)) {
            List<Long> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String next = null;
            do {
                Map<String, Object> page = getJson(REPORT + "?as_of=2026-02-10&limit=" + limit
                        + (next == null ? "" : "&cursor=" + next));
                assertEquals(6, page.get("total"));
                seen.addAll(ids(list(page.get("items"))));
                pageSizes.add(list(page.get("items")).size());
                next = (String) page.get("next");
            } while (next != null);
            assertEquals(limit == 2 ? List.of(2, 2, 2) : List.of(3, 3), pageSizes, "limit=" + limit);
            assertEquals(ids(items), seen, "limit=" + limit);
        }
        List<CSVRecord> february10Csv = parse(client.retrieve(HttpRequest.GET(REPORT + "?format=csv&as_of=2026-02-10")
                .bearerAuth(ADMIN)));
        assertEquals(ids(items), february10Csv.stream().map(row -> Long.parseLong(row.get("id"))).toList());
        assertEquals(List.of("72", "63", "62", "12", "3", "2"),
                february10Csv.stream().map(row -> row.get("days_overdue")).toList());
        assertEquals("2026-04-01", february10Csv.get(2).get("due"));

        // 2026-02-25, between the moves: capacity due 03-01 then (due soon), retention 02-01 (24 days), archive
        // 01-20 (36 days); besides them reconcile 87, capPool 78, refund 47, diskAlert 18, idempotent 17
        Map<String, Object> february25 = getJson(REPORT + "?as_of=2026-02-25");
        items = list(february25.get("items"));
        assertEquals(List.of(data.reconcile, data.capPool, data.refund, data.archive, data.retention,
                data.diskAlert, data.idempotent), ids(items));
        assertEquals(List.of(87, 78, 47, 36, 24, 18, 17), items.stream().map(i -> i.get("days_overdue")).toList());
        assertEquals(7, february25.get("total"));
        // alertPool (03-03), snapshots (03-02) and capacity (03-01 then)
        assertEquals(3, february25.get("due_soon"));
        assertEquals(List.of(count("bucket", "1-7", 0), count("bucket", "8-30", 3), count("bucket", "31-90", 4),
                count("bucket", "90+", 0)), february25.get("by_age"));
        assertEquals(List.of(count("team", "pay", 3), count("team", "web", 2), count("team", null, 2)),
                february25.get("by_team"));
        assertEquals(List.of(count("owner", "lena", 2), count("owner", "omar", 2), count("owner", "priya", 1),
                count("owner", "wanda", 1), count("owner", "wes", 1)), february25.get("by_owner"));
        assertEquals(List.of(count("service", "Billing", 2), count("service", "Ledger", 2),
                count("service", "Search", 2), count("service", "Checkout", 1)), february25.get("by_service"));
        assertEquals(List.of(count("priority", "P1", 3), count("priority", null, 2), count("priority", "P2", 1),
                count("priority", "P3", 1)), february25.get("by_priority"));
        List<CSVRecord> february25Web = parse(client.retrieve(HttpRequest.GET(REPORT
                + "?format=csv&as_of=2026-02-25&team=web").bearerAuth(ADMIN)));
        assertEquals(List.of(data.retention, data.diskAlert),
                february25Web.stream().map(row -> Long.parseLong(row.get("id"))).toList());
        assertEquals(List.of("24", "18"), february25Web.stream().map(row -> row.get("days_overdue")).toList());

        // yesterday, after every move: the due dates of now; capacity (04-01) is out, the rotation still 4 days
        Map<String, Object> yesterday = getJson(REPORT + "?as_of=2026-03-09");
        assertEquals(List.of(data.reconcile, data.capPool, data.refund, data.archive, data.retention,
                data.diskAlert, data.idempotent, data.snapshots, data.alertPool, data.rotateDisks),
                ids(list(yesterday.get("items"))));
        assertEquals(List.of(99, 90, 59, 48, 36, 30, 29, 7, 6, 4),
                list(yesterday.get("items")).stream().map(i -> i.get("days_overdue")).toList());
        assertEquals(10, yesterday.get("total"));
        // rollBack (due that day) and runbook (03-10)
        assertEquals(2, yesterday.get("due_soon"));

        // today: the rows as they are; rollBack 1, alertPool 7, snapshots 8, idempotent 30, diskAlert 31,
        // retention 37, archive 49, refund 60, capPool 91, reconcile 100
        Map<String, Object> today = getJson(REPORT);
        assertEquals(10, today.get("total"));
        assertEquals(2, today.get("due_soon"));
        assertEquals(List.of(count("bucket", "1-7", 2), count("bucket", "8-30", 2), count("bucket", "31-90", 4),
                count("bucket", "90+", 2)), today.get("by_age"));
    }

    /** Moves a follow-up's due date through the API at {@code at}, as an editor would. */
    private void moveDue(long id, String due, String at) {
        clock.set(Instant.parse(at));
        Object version = getJson("/api/actions/" + id).get("version");
        exchange(HttpRequest.PATCH("/api/actions/" + id, Map.of("due", due, "version", version)).bearerAuth(ADMIN));
    }

    @Test
    void aLaterDayCountsTodaysFollowUpsAgainstItsDate() {
        Map<String, Object> report = getJson(REPORT + "?as_of=2026-03-20");

        // every active follow-up with a due date before 03-20: 12 of them, retention (03-18) 2 days, audit 3,
        // runbook 10, rollBack 11, alertPool 17, snapshots 18, idempotent 40, diskAlert 41, refund 70,
        // capacity 100, capPool 101, reconcile 110
        assertEquals(12, report.get("total"));
        assertEquals(0, report.get("due_soon"));
        assertEquals(List.of(count("bucket", "1-7", 2), count("bucket", "8-30", 4), count("bucket", "31-90", 3),
                count("bucket", "90+", 3)), report.get("by_age"));
    }

    @Test
    void aTeamScopedTokenSeesOnlyItsTeamAndIsRefusedAnother() {
        Map<String, Object> web = getJson(REPORT, data.webReader);

        assertEquals(3, web.get("total"));
        assertEquals(0, web.get("due_soon"));
        assertEquals(List.of(count("team", "web", 3)), web.get("by_team"));
        assertEquals(List.of(count("owner", "wanda", 2), count("owner", "wes", 1)), web.get("by_owner"));
        assertEquals(List.of(count("bucket", "1-7", 0), count("bucket", "8-30", 1), count("bucket", "31-90", 2),
                count("bucket", "90+", 0)), web.get("by_age"));
        assertEquals(List.of(data.capacity, data.diskAlert, data.snapshots), ids(list(web.get("items"))));
        assertEquals(web, getJson(REPORT + "?team=web", data.webReader));
        assertEquals(List.of(data.capPool, data.refund, data.idempotent, data.alertPool, data.rollBack),
                ids(list(getJson(REPORT, data.payReader).get("items"))));
        // another team, and a team that does not exist, alike
        assertProblem(HttpStatus.FORBIDDEN, "team: a team-scoped token sees only its own team's report",
                () -> getJson(REPORT + "?team=pay", data.webReader));
        assertProblem(HttpStatus.FORBIDDEN, "team: a team-scoped token sees only its own team's report",
                () -> getJson(REPORT + "?team=nope", data.webReader));
        assertProblem(HttpStatus.FORBIDDEN, "team:", () -> client.retrieve(HttpRequest.GET(REPORT + "?team=pay")
                .accept("text/csv").bearerAuth(data.webReader)));
    }

    @Test
    void rejectsEveryInvalidParameterNamingIt() {
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("as_of=10.03.2026", "as_of: must be a date YYYY-MM-DD, was '10.03.2026'");
        invalid.put("as_of=2026-02-30", "as_of");
        invalid.put("team=nope", "team: no team with key 'nope'");
        invalid.put("kind=urgent", "kind");
        invalid.put("owner=%20", "owner: must not be blank");
        invalid.put("limit=0", "limit");
        invalid.put("limit=201", "limit");
        invalid.put("cursor=nonsense", "cursor");
        invalid.put("format=xml", "format: 'xml' is not one of json, csv");

        invalid.forEach((query, detail) -> assertProblem(HttpStatus.BAD_REQUEST, detail,
                () -> getJson(REPORT + "?" + query)));
        String actionsCursor = (String) getJson("/api/actions?sort=due&limit=1").get("next");
        assertProblem(HttpStatus.BAD_REQUEST, "cursor: it is from a list sorted by 'due'",
                () -> getJson(REPORT + "?cursor=" + actionsCursor));
    }

    @Test
    void exportsEveryOverdueItemAsCsvNotOnlyAPage() throws IOException {
        String awkward = "Fix \"the\" ledger, then\nre-run the nightly job";
        transactions.executeWrite(status -> dsl.update(ACTION_ITEM).set(ACTION_ITEM.TEXT, awkward)
                .where(ACTION_ITEM.ID.eq(data.reconcile)).execute());

        HttpResponse<String> byAccept = client.exchange(HttpRequest.GET(REPORT + "?limit=2").accept("text/csv")
                .bearerAuth(ADMIN), String.class);
        String byFormat = client.retrieve(HttpRequest.GET(REPORT + "?format=csv").bearerAuth(ADMIN));

        assertEquals("text/csv;charset=utf-8", byAccept.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"overdue-today.csv\"", byAccept.header(HttpHeaders.CONTENT_DISPOSITION));
        assertEquals(byAccept.body(), byFormat);
        List<CSVRecord> rows = parse(byAccept.body());
        assertEquals(List.of(data.reconcile, data.capPool, data.capacity, data.refund, data.diskAlert,
                data.idempotent, data.snapshots, data.alertPool, data.rollBack),
                rows.stream().map(row -> Long.parseLong(row.get("id"))).toList());
        CSVRecord reconcile = rows.get(0);
        assertEquals(awkward, reconcile.get("text"));
        assertEquals("", reconcile.get("team"));
        assertEquals("lena", reconcile.get("owner"));
        assertEquals("Ledger", reconcile.get("service"));
        assertEquals("", reconcile.get("priority"));
        assertEquals("2025-11-30", reconcile.get("due"));
        assertEquals("100", reconcile.get("days_overdue"));
        assertEquals(String.valueOf(data.ledgerPostmortem), reconcile.get("postmortem_id"));
        assertEquals("Postmortem: ledger totals drifted", reconcile.get("postmortem_title"));
        CSVRecord refund = rows.get(3);
        assertEquals(Arrays.asList(String.valueOf(data.refund), "pay", "priya", "Billing", "P1", "corrective",
                "2026-01-09", "60", "open", String.valueOf(data.billingPostmortem),
                "Postmortem: customers charged twice by Billing", "Refund the customers charged twice", ""),
                refund.toList());
    }

    @Test
    void exportsAnEarlierDayAndOneTeamAsCsv() throws IOException {
        List<CSVRecord> rows = parse(client.retrieve(HttpRequest.GET(REPORT + "?format=csv&as_of=2026-02-25&team=pay")
                .bearerAuth(ADMIN)));

        assertEquals(List.of(data.capPool, data.refund, data.idempotent),
                rows.stream().map(row -> Long.parseLong(row.get("id"))).toList());
        assertEquals(List.of("78", "47", "17"), rows.stream().map(row -> row.get("days_overdue")).toList());
    }

    @Test
    void everyBreakdownOfAFilteredReportCountsTheFollowUpsItLists() {
        // today's counts come from separate passes (team, priority and age; owner; service): whatever the filter,
        // each breakdown must add up the very follow-ups the items list
        for (String filter : List.of("", "?team=pay", "?owner=priya", "?team=pay&owner=omar", "?service=checkout",
                "?service=CHECKOUT&priority=P1", "?priority=p1", "?kind=corrective", "?team=web&kind=preventative")) {
            Map<String, Object> report = getJson(REPORT + (filter.isEmpty() ? "?" : filter + "&") + "limit=200");
            List<Map<String, Object>> items = list(report.get("items"));
            assertEquals(items.size(), report.get("total"), filter);
            for (String dimension : List.of("team", "owner", "service", "priority")) {
                assertEquals(tally(items, item -> (String) item.get(dimension)),
                        tally(list(report.get("by_" + dimension)), dimension), filter + " by_" + dimension);
            }
            Map<String, Integer> byAge = new HashMap<>(tally(items, item -> AgeBucket.of(
                    ((Number) item.get("days_overdue")).longValue()).label()));
            Arrays.stream(AgeBucket.values()).forEach(bucket -> byAge.putIfAbsent(bucket.label(), 0));
            assertEquals(byAge, tally(list(report.get("by_age")), "bucket"), filter + " by_age");
        }
    }

    private static Map<String, Integer> tally(List<Map<String, Object>> items,
                                              Function<Map<String, Object>, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(String.valueOf(key.apply(item)), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> tally(List<Map<String, Object>> breakdown, String key) {
        Map<String, Integer> counts = new HashMap<>();
        breakdown.forEach(entry -> counts.put(String.valueOf(entry.get(key)),
                ((Number) entry.get("count")).intValue()));
        return counts;
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(OverdueItem.CSV_HEADER, parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    static Map<String, Object> count(String key, String value, int count) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(key, value);
        entry.put("count", count);
        return entry;
    }

    static List<Long> ids(List<Map<String, Object>> items) {
        return items.stream().map(ApiTestBase::id).toList();
    }
}
