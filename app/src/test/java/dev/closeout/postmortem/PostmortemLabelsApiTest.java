package dev.closeout.postmortem;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.closeout.support.TestTokens.ADMIN;
import static dev.closeout.support.TwoTeams.CHECKOUT_SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/postmortems/{id}/labels}: the postmortem as people corrected it, in the label schema of the corpus
 * (shared/corpus/LABELING.md), so a team can build its own labelled set from its postmortems.
 */
class PostmortemLabelsApiTest extends ApiTestBase {

    private static final String LOAD_TEST = "Load-test the pricing service before each release";
    private static final String ROLL_BACK = "Roll back pricing-service release 4.12.0 in every region";

    private TwoTeams teams;

    @BeforeEach
    void twoTeams() {
        teams = TwoTeams.setUp(client);
    }

    @Test
    void theLabelsAreThePostmortemAsPeopleCorrectedIt() {
        long checkout = teams.payCheckout;
        List<Long> actions = teams.checkoutActions;
        exchange(HttpRequest.PATCH("/api/postmortems/" + checkout, Map.of("title", "Checkout API latency",
                "root_cause", Map.of("component", "database"))).bearerAuth(ADMIN));
        edit(actions.get(2), Map.of("text", ROLL_BACK));
        exchange(HttpRequest.POST("/api/actions/" + actions.get(0) + "/dismiss",
                Map.of("reason", "the tests have it already")).bearerAuth(ADMIN));
        exchange(HttpRequest.POST("/api/postmortems/" + checkout + "/actions",
                Map.of("text", LOAD_TEST, "kind", "preventative", "owner", "omar")).bearerAuth(ADMIN));
        Map<String, Object> stored = getJson("/api/postmortems/" + checkout);
        Map<String, Object> alert = list(stored.get("actions")).get(1);
        Map<String, Object> rollBack = list(stored.get("actions")).get(2);

        Map<String, Object> labels = getJson("/api/postmortems/" + checkout + "/labels");

        assertEquals(CHECKOUT_SOURCE, labels.get("source"));
        assertEquals(null, labels.get("format"));
        assertEquals("Checkout API latency", labels.get("title"));
        assertEquals("Checkout", labels.get("service"));
        assertEquals(object("start", "2025-03-14T14:05:00Z", "end", "2025-03-14T15:47:00Z", "duration_minutes", 102),
                labels.get("incident"));
        assertEquals(stored.get("impact_percent") == null ? null
                : ((Number) stored.get("impact_percent")).doubleValue(), labels.get("impact_percent"));
        assertEquals(object("summary", map(stored.get("root_cause")).get("summary"), "component", "database",
                "trigger", map(stored.get("root_cause")).get("trigger")), labels.get("root_cause"));
        // the dismissed query-count check is left out; the alert's owner is the team's default and its due date the
        // policy's, neither the text's; the roll-back as a person reworded it; the person's load test last, with
        // no line of the text
        assertEquals(List.of(
                object("text", alert.get("text"), "kind", "preventative", "group", alert.get("group"), "owner", null,
                        "due", null, "priority", "P2", "ticket", null, "source_line", alert.get("source_line")),
                object("text", ROLL_BACK, "kind", "corrective", "group", rollBack.get("group"), "owner", "priya",
                        "due", "2025-03-21", "priority", "P1", "ticket", null,
                        "source_line", rollBack.get("source_line")),
                object("text", LOAD_TEST, "kind", "preventative", "group", null, "owner", "omar", "due", null,
                        "priority", null, "ticket", null, "source_line", null)),
                labels.get("actions"));
    }

    @Test
    void theLabelsHaveTheShapeOfTheCorpusLabelFiles() {
        Map<String, Object> labels = getJson("/api/postmortems/" + teams.payCheckout + "/labels");

        assertEquals(Set.of("source", "format", "title", "service", "incident", "impact_percent", "root_cause",
                "actions"), labels.keySet());
        assertEquals(Set.of("start", "end", "duration_minutes"), map(labels.get("incident")).keySet());
        assertEquals(Set.of("summary", "component", "trigger"), map(labels.get("root_cause")).keySet());
        // the schema's fields, and the line the follow-up is on
        assertEquals(Set.of("text", "kind", "group", "owner", "due", "priority", "ticket", "source_line"),
                list(labels.get("actions")).get(0).keySet());
    }

    @Test
    void aFollowUpPeopleAddedAtALineTakesItsPlaceInTheDocument() {
        // line 11: the root cause's "A new release of the pricing service introduced an N+1 query ..."
        exchange(HttpRequest.POST("/api/postmortems/" + teams.payCheckout + "/actions", Map.of("text", LOAD_TEST,
                "kind", "preventative", "source_line", 11)).bearerAuth(ADMIN));

        List<Map<String, Object>> labelled = list(getJson("/api/postmortems/" + teams.payCheckout + "/labels")
                .get("actions"));

        assertEquals(LOAD_TEST, labelled.get(0).get("text"));
        assertEquals(4, labelled.size());
    }

    @Test
    void aFollowUpGoneFromTheTextIsNoLabel() {
        teams.importMarkdown(CHECKOUT_SOURCE, TwoTeams.CHECKOUT_OUTAGE_EDITED);

        assertEquals(List.of("Alert on connection pool saturation for the orders database",
                "Cap the orders database pool per service instance",
                "Publish a runbook for connection pool exhaustion"),
                list(getJson("/api/postmortems/" + teams.payCheckout + "/labels").get("actions")).stream()
                        .map(action -> action.get("text")).toList());
    }

    @Test
    void aTeamReadsItsOwnPostmortemsLabelsOnly() {
        assertEquals("Postmortem: search results empty for 40 minutes",
                getJson("/api/postmortems/" + teams.webSearch + "/labels", teams.webReader).get("title"));
        assertProblem(HttpStatus.NOT_FOUND, "no postmortem with id " + teams.payCheckout, () -> exchange(
                HttpRequest.GET("/api/postmortems/" + teams.payCheckout + "/labels").bearerAuth(teams.webReader)));
    }

    private void edit(long actionId, Map<String, Object> changes) {
        String etag = exchange(HttpRequest.GET("/api/actions/" + actionId).bearerAuth(ADMIN)).header(HttpHeaders.ETAG);
        exchange(HttpRequest.PATCH("/api/actions/" + actionId, changes).bearerAuth(ADMIN)
                .header(HttpHeaders.IF_MATCH, etag));
    }

    /** A JSON object of key-value pairs, nulls included. */
    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }
}
