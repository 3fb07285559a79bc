package dev.closeout.postmortem;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Corpus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/postmortems} with filters, over three postmortems imported once for the class. */
class PostmortemSearchTest extends ApiTestBase {

    private static final String PAYMENTS = """
            # Payments API outage

            Service: payments

            Start: 2025-01-10 14:00 UTC
            End: 2025-01-10 15:30 UTC

            ## Root cause
            An expired TLS certificate on the payments gateway made every handshake fail.

            ## Action items
            - Automate certificate renewal for the payments gateway
            """;

    Object exApp;
    Object exampleApp;
    Object payments;

    /** The tests share the postmortems imported once for the class: emptying before each would lose them. */
    @Override
    protected void emptyDatabase() {
    }

    @BeforeAll
    void importThree() {
        cleaner.clean();
        exApp = importJson("exapp", Corpus.read(Corpus.SEED_LB_ROUTING)).body().get("id");
        exampleApp = importJson("exampleapp", Corpus.read(Corpus.SEED_EXAMPLEAPP)).body().get("id");
        payments = importJson("payments", PAYMENTS).body().get("id");
    }

    @Test
    void withoutFiltersListsAllNewestFirst() {
        assertEquals(List.of(payments, exampleApp, exApp), ids(""));
    }

    @Test
    void qFindsTextInTitleServiceOrRootCauseIgnoringCase() {
        assertEquals(List.of(exampleApp, exApp), ids("?q=LOAD%20Balancer"));
        assertEquals(List.of(payments), ids("?q=expired%20tls"));
        assertEquals(List.of(exApp), ids("?q=service%20outage%20on"));
        assertEquals(List.of(exampleApp), ids("?q=exampleapp"));
        assertEquals(List.of(), ids("?q=%25"), "a % is a character, not a wildcard");
    }

    @Test
    void filtersByServiceComponentAndTrigger() {
        assertEquals(List.of(exApp), ids("?service=exapp"));
        assertEquals(List.of(exampleApp, exApp), ids("?component=load-balancer"));
        assertEquals(List.of(payments), ids("?trigger=expiry"));
        assertEquals(List.of(), ids("?component=load-balancer&trigger=expiry"));
    }

    @Test
    void filtersByIncidentStartDateBothDaysIncluded() {
        assertEquals(List.of(payments, exApp), ids("?from=2024-08-17"));
        assertEquals(List.of(exApp), ids("?from=2024-08-17&to=2024-08-17"));
        assertEquals(List.of(exampleApp, exApp), ids("?to=2024-12-31"));
    }

    @Test
    void pagesThroughFilteredResults() {
        Map<String, Object> first = getJson("/api/postmortems?component=load-balancer&limit=1");
        assertEquals(List.of(exampleApp), list(first.get("items")).stream().map(item -> item.get("id")).toList());
        assertNotNull(first.get("next"));

        Map<String, Object> second = getJson("/api/postmortems?component=load-balancer&limit=1&cursor="
                + first.get("next"));
        assertEquals(List.of(exApp), list(second.get("items")).stream().map(item -> item.get("id")).toList());
        assertEquals(null, second.get("next"));
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        String component = assertProblem(HttpStatus.BAD_REQUEST, "component: unknown value 'mainframe'",
                () -> getJson("/api/postmortems?component=mainframe"));
        assertTrue(component.contains("load-balancer"), component);
        assertProblem(HttpStatus.BAD_REQUEST, "trigger", () -> getJson("/api/postmortems?trigger=gremlins"));
        assertProblem(HttpStatus.BAD_REQUEST, "from", () -> getJson("/api/postmortems?from=17.08.2024"));
        assertProblem(HttpStatus.BAD_REQUEST, "to", () -> getJson("/api/postmortems?to=2024-13-01"));
        assertProblem(HttpStatus.BAD_REQUEST, "to: 2024-01-01 is before from",
                () -> getJson("/api/postmortems?from=2024-02-01&to=2024-01-01"));
    }

    @Test
    void aReaderSearches() {
        String reader = token("dashboard", "reader");
        Map<String, Object> page = getJson("/api/postmortems?service=payments", reader);
        assertEquals(List.of(payments), list(page.get("items")).stream().map(item -> item.get("id")).toList());
        assertProblem(HttpStatus.UNAUTHORIZED, "401", () -> client.retrieve(HttpRequest.GET("/api/postmortems"),
                String.class));
    }

    private List<Object> ids(String query) {
        return list(getJson("/api/postmortems" + query).get("items")).stream().map(item -> item.get("id")).toList();
    }
}
