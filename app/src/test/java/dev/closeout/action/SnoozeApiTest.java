package dev.closeout.action;

import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code PATCH /api/actions/{id}} with {@code snoozed_until}: a person holds back a follow-up's reminders until a
 * day after today (2026-03-10 on the test clock), reads it back in every view of the follow-up, clears it, and
 * finds it in the history; it goes through the same version checks and team scope as any other field.
 */
class SnoozeApiTest extends ActionApiTestSupport {

    @Inject
    MovableClock clock;

    private TwoTeams teams;
    /** A follow-up of pay's checkout postmortem. */
    private long checkout;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void twoTeams() {
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        teams = TwoTeams.setUp(client);
        checkout = teams.checkoutActions.get(1);
    }

    @Test
    void snoozesUntilADayAndEveryViewShowsIt() throws IOException {
        HttpResponse<Map<String, Object>> snoozed = patchCurrent(checkout, Map.of("snoozed_until", "2026-03-20"),
                teams.payEditor);

        assertEquals(HttpStatus.OK, snoozed.getStatus());
        assertEquals("2026-03-20", snoozed.body().get("snoozed_until"));
        assertEquals(1, snoozed.body().get("version"));
        assertEquals("\"" + checkout + "-1\"", snoozed.header(HttpHeaders.ETAG));
        assertEquals(snoozed.body(), getAction(checkout, teams.payEditor).body());
        assertEquals("2026-03-20", itemOf(getJson("/api/teams/pay/actions", teams.payEditor)).get("snoozed_until"));
        assertEquals("2026-03-20", itemOf(getJson("/api/actions?team=pay", ADMIN)).get("snoozed_until"));
        String csv = client.retrieve(HttpRequest.GET("/api/actions?team=pay&format=csv").bearerAuth(ADMIN));
        Map<String, String> byId = new HashMap<>();
        for (CSVRecord record : csvRecords(csv)) {
            byId.put(record.get("id"), record.get("snoozed_until"));
        }
        assertEquals("2026-03-20", byId.get(Long.toString(checkout)));
        assertEquals("", byId.get(Long.toString(teams.checkoutActions.get(0))));
    }

    @Test
    void nullStopsSnoozing() {
        patchCurrent(checkout, Map.of("snoozed_until", "2026-03-20"), teams.payEditor);
        Map<String, Object> stop = new HashMap<>();
        stop.put("snoozed_until", null);

        Map<String, Object> action = patchCurrent(checkout, stop, teams.payEditor).body();

        assertTrue(action.containsKey("snoozed_until"), action.toString());
        assertNull(action.get("snoozed_until"));
        assertEquals(2, action.get("version"));
    }

    @Test
    void aPatchOfOtherFieldsLeavesTheSnoozeAsItIs() {
        patchCurrent(checkout, Map.of("snoozed_until", "2026-03-20"), teams.payEditor);

        Map<String, Object> action = patchCurrent(checkout, Map.of("owner", "priya", "due", "2026-04-01"),
                teams.payEditor).body();

        assertEquals("priya", action.get("owner"));
        assertEquals("2026-03-20", action.get("snoozed_until"));
        assertEquals("2026-03-20", getAction(checkout, ADMIN).body().get("snoozed_until"));
    }

    @Test
    void aSnoozeIsInTheHistoryWithWhoSnoozedUntilWhen() {
        patchCurrent(checkout, Map.of("snoozed_until", "2026-03-20"), teams.payEditor);
        patchCurrent(checkout, Map.of("snoozed_until", "2026-04-02"), teams.payEditor);
        Map<String, Object> stop = new HashMap<>();
        stop.put("snoozed_until", null);
        patchCurrent(checkout, stop, ADMIN);

        List<List<String>> snoozes = list(getJson("/api/actions/" + checkout + "/history", ADMIN).get("items"))
                .stream().filter(event -> event.get("field").equals("snoozed_until"))
                .map(event -> Arrays.asList((String) event.get("old"), (String) event.get("new"),
                        (String) event.get("actor"))).toList();

        assertEquals(List.of(
                Arrays.asList(null, "2026-03-20", "token:pay-ci"),
                Arrays.asList("2026-03-20", "2026-04-02", "token:pay-ci"),
                Arrays.asList("2026-04-02", null, "token:admin-token")), snoozes);
    }

    @Test
    void refusesAMalformedDayOrOneNotAfterTodayNamingTheFieldAndWritesNothing() {
        for (Object until : List.of("next week", "2026-02-30", "20.03.2026", 20260320, true)) {
            assertProblem(HttpStatus.BAD_REQUEST, "snoozed_until: must be a date YYYY-MM-DD or null",
                    () -> patch(checkout, Map.of("snoozed_until", until, "version", 0), null, teams.payEditor));
        }
        for (String until : List.of("2026-03-10", "2026-03-09", "2025-12-31")) {
            assertProblem(HttpStatus.BAD_REQUEST, "snoozed_until: must be after today (2026-03-10), was " + until,
                    () -> patch(checkout, Map.of("snoozed_until", until, "version", 0), null, teams.payEditor));
        }
        Map<String, Object> action = getAction(checkout, ADMIN).body();
        assertEquals(0, action.get("version"));
        assertNull(action.get("snoozed_until"));
    }

    @Test
    void todayIsTheReportsDaySoTomorrowIsTheFirstDayASnoozeMayEnd() {
        clock.set(Instant.parse("2026-03-10T23:59:59Z"));
        assertProblem(HttpStatus.BAD_REQUEST, "snoozed_until: must be after today (2026-03-10)",
                () -> patch(checkout, Map.of("snoozed_until", "2026-03-10", "version", 0), null, teams.payEditor));

        Map<String, Object> action = patch(checkout, Map.of("snoozed_until", "2026-03-11", "version", 0), null,
                teams.payEditor).body();

        assertEquals("2026-03-11", action.get("snoozed_until"));
    }

    @Test
    void aSnoozeBasedOnAnOldVersionIsRefusedLikeAnyOtherChange() {
        String etag = getAction(checkout, ADMIN).header(HttpHeaders.ETAG);
        patch(checkout, Map.of("owner", "priya"), etag, teams.payEditor);

        assertProblem(HttpStatus.CONFLICT, "changed since version 0",
                () -> patch(checkout, Map.of("snoozed_until", "2026-03-20"), etag, teams.payEditor));
        assertProblem(HttpStatus.PRECONDITION_REQUIRED, "If-Match",
                () -> patch(checkout, Map.of("snoozed_until", "2026-03-20"), null, teams.payEditor));
        assertNull(getAction(checkout, ADMIN).body().get("snoozed_until"));
    }

    @Test
    void aDismissedFollowUpIsRestoredBeforeItIsSnoozed() {
        exchange(HttpRequest.POST("/api/actions/" + checkout + "/dismiss", Map.of("reason", "a timeline sentence"))
                .bearerAuth(teams.payEditor));

        assertProblem(HttpStatus.CONFLICT, "dismissed",
                () -> patchCurrent(checkout, Map.of("snoozed_until", "2026-03-20"), teams.payEditor));
    }

    @Test
    void aTeamsTokenSnoozesItsOwnFollowUpsOnlyAndAReaderNone() {
        long search = teams.searchActions.get(0);

        assertProblem(HttpStatus.NOT_FOUND, "no action with id " + search,
                () -> patch(search, Map.of("snoozed_until", "2026-03-20", "version", 0), null, teams.payEditor));
        assertProblem(HttpStatus.FORBIDDEN, "403",
                () -> patch(search, Map.of("snoozed_until", "2026-03-20", "version", 0), null, teams.webReader));
        assertNull(getAction(search, ADMIN).body().get("snoozed_until"));
        assertEquals(0, getAction(search, ADMIN).body().get("version"));

        assertEquals("2026-03-20", patch(search, Map.of("snoozed_until", "2026-03-20", "version", 0), null,
                teams.webEditor).body().get("snoozed_until"));
        assertEquals("2026-03-20", itemOf(getJson("/api/teams/web/actions", teams.webReader), search)
                .get("snoozed_until"));
    }

    @Test
    void theOpenApiDocumentDescribesTheFieldInThePatchAndTheAnswer() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI document = new OpenAPIV3Parser().readContents(client.retrieve(
                HttpRequest.GET("/swagger/closeout-0.1.yml")), null, options).getOpenAPI();

        for (String schema : List.of("ActionItemResponse", "EditActionRequest")) {
            Schema<?> described = document.getComponents().getSchemas().get(schema);
            Schema<?> snoozedUntil = described.getProperties().get("snoozed_until");
            assertNotNull(snoozedUntil, "snoozed_until in " + schema);
            assertEquals("date", snoozedUntil.getFormat(), schema);
            assertEquals(true, snoozedUntil.getNullable(), schema);
        }
        assertEquals("#/components/schemas/EditActionRequest", document.getPaths().get("/api/actions/{id}").getPatch()
                .getRequestBody().getContent().get("application/json").getSchema().get$ref());
    }

    private Map<String, Object> itemOf(Map<String, Object> page) {
        return itemOf(page, checkout);
    }

    private static Map<String, Object> itemOf(Map<String, Object> page, long id) {
        return list(page.get("items")).stream().filter(item -> id(item) == id).findFirst().orElseThrow();
    }

    private static List<CSVRecord> csvRecords(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(ActionExport.HEADER, parser.getHeaderNames());
            return parser.getRecords();
        }
    }
}
