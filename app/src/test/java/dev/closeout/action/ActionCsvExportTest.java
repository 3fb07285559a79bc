package dev.closeout.action;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/actions} as CSV: every follow-up its filters match, in the list's order, past the 200 of one
 * page, while the JSON list stays as it was.
 */
class ActionCsvExportTest extends ActionApiTestSupport {

    /** More than one batch of the export (200). */
    private static final int FOLLOW_UPS = 230;

    @Inject
    MovableClock clock;

    List<Long> ids;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void importFollowUps() {
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        ids = new ArrayList<>(importActions(IntStream.range(0, FOLLOW_UPS / 2)
                .mapToObj(i -> "Alert on queue " + i).toArray(String[]::new)));
        ids.addAll(importActions(IntStream.range(0, FOLLOW_UPS / 2)
                .mapToObj(i -> "Cap the pool of shard " + i).toArray(String[]::new)));
        // due dates out of id order, some shared, so the due order is not the id order
        transactions.executeWrite(status -> {
            for (int i = 0; i < ids.size(); i++) {
                dsl.update(ACTION_ITEM).set(ACTION_ITEM.DUE_DATE, LocalDate.parse("2026-03-01").plusDays((i * 7) % 40))
                        .where(ACTION_ITEM.ID.eq(ids.get(i))).execute();
            }
            return null;
        });
    }

    @Test
    void exportsEveryMatchingFollowUpInTheListsOrderWithItsFields() throws IOException {
        transition(ids.get(3), "not_doing", "duplicate", ADMIN);
        String awkward = "Fix \"the\" retry, then\nrestart the consumer";
        transactions.executeWrite(status -> dsl.update(ACTION_ITEM).set(ACTION_ITEM.TEXT, awkward)
                .where(ACTION_ITEM.ID.eq(ids.get(0))).execute());
        List<Map<String, Object>> walked = walk("/api/actions?status=open&sort=-due&limit=200");

        HttpResponse<String> csv = client.exchange(HttpRequest.GET("/api/actions?status=open&sort=-due")
                .accept("text/csv").bearerAuth(ADMIN), String.class);

        assertEquals("text/csv;charset=utf-8", csv.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"actions.csv\"", csv.header(HttpHeaders.CONTENT_DISPOSITION));
        List<CSVRecord> rows = parse(csv.body(), List.copyOf(walked.get(0).keySet()));
        assertEquals(FOLLOW_UPS - 1, rows.size());
        assertEquals(walked.stream().map(ActionApiTestSupport::id).toList(),
                rows.stream().map(row -> Long.parseLong(row.get("id"))).toList());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> item = walked.get(i);
            CSVRecord row = rows.get(i);
            item.forEach((field, value) -> assertEquals(value == null ? "" : String.valueOf(value), row.get(field),
                    field + " of " + item.get("id")));
        }
        assertEquals(awkward, rows.stream().filter(row -> row.get("id").equals(String.valueOf(ids.get(0))))
                .findFirst().orElseThrow().get("text"));
    }

    @Test
    void formatCsvAsksForTheSameExportAndIgnoresThePage() throws IOException {
        String byAccept = client.retrieve(HttpRequest.GET("/api/actions?q=shard").accept("text/csv").bearerAuth(ADMIN));
        String byFormat = client.retrieve(HttpRequest.GET("/api/actions?q=shard&format=csv&limit=5").bearerAuth(ADMIN));

        assertEquals(byAccept, byFormat);
        assertEquals(ids.subList(FOLLOW_UPS / 2, FOLLOW_UPS), parse(byFormat, null).stream()
                .map(row -> Long.parseLong(row.get("id"))).toList());
    }

    @Test
    void everyRequestThatDoesNotAskForCsvGetsTheJsonListAsBefore() {
        // JSON named before CSV still wins, as it did
        for (String accept : List.of(MediaType.APPLICATION_JSON, "*/*", "application/json, text/csv")) {
            HttpResponse<Map<String, Object>> page = exchange(HttpRequest.GET("/api/actions?limit=3").accept(accept)
                    .bearerAuth(ADMIN));

            assertEquals(MediaType.APPLICATION_JSON_TYPE, page.getContentType().orElseThrow(), accept);
            assertEquals(ids.subList(0, 3), ids(page.body()), accept);
            assertTrue(page.body().get("next") instanceof String, accept);
        }
        assertEquals(ids.subList(0, 3), ids(getJson("/api/actions?limit=3&format=json", ADMIN)));
    }

    @Test
    void anInvalidFilterIsRefusedBeforeAnythingIsWritten() {
        assertProblem(HttpStatus.BAD_REQUEST, "status", () -> client.retrieve(HttpRequest.GET(
                "/api/actions?status=finished").accept("text/csv").bearerAuth(ADMIN)));
        assertProblem(HttpStatus.BAD_REQUEST, "format: 'xlsx' is not one of json, csv",
                () -> getJson("/api/actions?format=xlsx", ADMIN));
    }

    @Test
    void aTeamScopedTokenExportsOnlyItsTeam() throws IOException {
        long payments = insertTeam("payments");
        insertTeam("search");
        transactions.executeWrite(status -> dsl.update(ACTION_ITEM).set(ACTION_ITEM.TEAM_ID, payments)
                .where(ACTION_ITEM.ID.in(ids.subList(0, 5))).execute());
        String paymentsReader = token("payments-dashboard", "reader", "payments");
        String searchReader = token("search-dashboard", "reader", "search");

        assertEquals(ids.subList(0, 5), parse(client.retrieve(HttpRequest.GET("/api/actions?format=csv")
                .bearerAuth(paymentsReader)), null).stream().map(row -> Long.parseLong(row.get("id"))).toList());
        assertEquals(List.of(), parse(client.retrieve(HttpRequest.GET("/api/actions?format=csv&team=payments")
                .bearerAuth(searchReader)), null));
    }

    private List<Map<String, Object>> walk(String uri) {
        List<Map<String, Object>> items = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = getJson(uri + (next == null ? "" : "&cursor=" + next), ADMIN);
            items.addAll(list(page.get("items")));
            next = (String) page.get("next");
        } while (next != null);
        return items;
    }

    /** The records of a CSV answer, checking its header is {@code header} (the JSON item's fields) when given. */
    private static List<CSVRecord> parse(String csv, List<String> header) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(ActionExport.HEADER, parser.getHeaderNames());
            if (header != null) {
                assertEquals(header, parser.getHeaderNames());
            }
            return parser.getRecords();
        }
    }
}
