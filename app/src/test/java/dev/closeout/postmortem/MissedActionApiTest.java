package dev.closeout.postmortem;

import dev.closeout.jira.JiraApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static dev.closeout.support.TwoTeams.CHECKOUT_OUTAGE;
import static dev.closeout.support.TwoTeams.CHECKOUT_OUTAGE_EDITED;
import static dev.closeout.support.TwoTeams.CHECKOUT_SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code POST /api/postmortems/{id}/actions}: a follow-up the extraction missed, added by a person, is a follow-up
 * like the others (its team's defaults, its Jira ticket), marked as the person's, and re-imports of the source keep
 * it: neither flagged removed nor added a second time once the text has it.
 */
class MissedActionApiTest extends JiraApiTestBase {

    private static final String LOAD_TEST = "Load-test the pricing service before each release";
    /** The checkout postmortem edited once more: the action a person added is now written in it. */
    private static final String CHECKOUT_WITH_LOAD_TEST = CHECKOUT_OUTAGE_EDITED
            + "| Load-test the pricing service before each release | preventative | | | |\n";

    private TwoTeams teams;

    @BeforeEach
    void twoTeams() {
        startIdsHigh();
        teams = TwoTeams.setUp(client);
    }

    @Test
    void addsTheFollowUpAsAPersonsWithTheTeamsDefaultsAndItsLocation() {
        HttpResponse<Map<String, Object>> response = add(teams.payCheckout,
                Map.of("text", LOAD_TEST, "kind", "preventative"), teams.payEditor);

        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> added = response.body();
        assertEquals("/api/actions/" + id(added), response.header(HttpHeaders.LOCATION));
        assertEquals(LOAD_TEST, added.get("text"));
        assertEquals("person", added.get("origin"));
        assertEquals("pay", added.get("team"));
        assertEquals("pay-oncall", added.get("owner"));
        assertEquals("team", added.get("owner_source"));
        // the team's policy, as for an extracted one: 8 weeks after the incident's start (2025-03-14) for preventative
        assertEquals("2025-05-09", added.get("due"));
        assertEquals("policy", added.get("due_source"));
        assertEquals("open", added.get("status"));
        assertEquals(false, added.get("dismissed"));
        assertEquals("engine", getJson("/api/actions/" + teams.checkoutActions.get(0)).get("origin"));

        List<Map<String, Object>> listed = list(getJson("/api/teams/pay/actions?postmortem=" + teams.payCheckout)
                .get("items"));
        assertEquals(List.of(LOAD_TEST), listed.stream().filter(a -> "person".equals(a.get("origin")))
                .map(a -> a.get("text")).toList());
        Map<String, Object> created = list(getJson("/api/actions/" + id(added) + "/history").get("items")).get(0);
        assertEquals("created", created.get("field"));
        assertEquals("token:pay-ci", created.get("actor"));
    }

    @Test
    void whatThePersonGivesIsTheirs() {
        Map<String, Object> added = add(teams.payCheckout, Map.of("text", LOAD_TEST, "kind", "corrective",
                "owner", "omar", "due", "2025-04-30", "priority", "P2", "ticket", "PERF-12", "source_line", 19),
                ADMIN).body();

        assertEquals("omar", added.get("owner"));
        assertEquals("person", added.get("owner_source"));
        assertEquals("2025-04-30", added.get("due"));
        assertEquals("person", added.get("due_source"));
        assertEquals("P2", added.get("priority"));
        assertEquals("PERF-12", added.get("ticket"));
        assertEquals(19, added.get("source_line"));
        assertEquals("corrective", added.get("kind"));
    }

    @Test
    void getsItsJiraTicketOnceLikeAnyOther() {
        long added = id(add(teams.payCheckout, Map.of("text", LOAD_TEST, "kind", "preventative"), ADMIN).body());

        syncUntilSettled(5);
        teams.importMarkdown(CHECKOUT_SOURCE, CHECKOUT_WITH_LOAD_TEST);
        syncUntilSettled(5);

        assertEquals(1, issuesOf(added).size());
        assertEquals(1, jira.issues().stream().filter(issue -> issue.summary().contains("Load-test")).count());
        assertEquals("synced", ticketOf(added).get("state"));
    }

    @Test
    void aReimportOfTheSameOrAnEditedTextKeepsIt() {
        long added = id(add(teams.payCheckout, Map.of("text", LOAD_TEST, "kind", "preventative"), ADMIN).body());

        Map<String, Object> same = teams.importMarkdown(CHECKOUT_SOURCE, CHECKOUT_OUTAGE);
        assertNull(same.get("reimport"), "the same text again changes nothing");
        assertEquals("person", action(same, added).get("origin"));
        Map<String, Object> edited = teams.importMarkdown(CHECKOUT_SOURCE, CHECKOUT_OUTAGE_EDITED);

        Map<String, Object> kept = action(edited, added);
        assertEquals(false, kept.get("removed_from_source"), "not the text's to lose: " + kept);
        assertEquals("person", kept.get("origin"));
        assertEquals(1, textCount(LOAD_TEST));
        assertEquals(List.of(), list(getJson("/api/actions/" + added + "/history").get("items")).stream()
                .filter(event -> !"created".equals(event.get("field"))).toList(), "nothing changed on it");
    }

    @Test
    void aReimportWhoseTextHasItTakesItForThatFollowUp() {
        long added = id(add(teams.payCheckout, Map.of("text", LOAD_TEST, "kind", "preventative", "owner", "omar"),
                ADMIN).body());

        Map<String, Object> reimported = teams.importMarkdown(CHECKOUT_SOURCE, CHECKOUT_WITH_LOAD_TEST);

        // new: the cap on the pool and the runbook; gone: the query-count check and the roll-back; found again: the
        // alert and the person's load test
        assertEquals(Map.of("added", 2, "updated", 0, "removed", 2, "kept", 2), reimported.get("reimport"));
        Map<String, Object> found = action(reimported, added);
        assertEquals("person", found.get("origin"));
        assertEquals("omar", found.get("owner"));
        assertEquals(false, found.get("removed_from_source"));
        assertEquals(21, found.get("source_line"), "the line the text has it on, which the person did not give");
        assertEquals(1, textCount(LOAD_TEST));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        long postmortem = teams.payCheckout;
        assertProblem(HttpStatus.BAD_REQUEST, "text: required", () -> add(postmortem, Map.of("kind", "corrective"),
                ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "text: required", () -> add(postmortem, Map.of("text", "  ",
                "kind", "corrective"), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "kind: required", () -> add(postmortem, Map.of("text", LOAD_TEST),
                ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "kind: must be corrective or preventative", () -> add(postmortem,
                Map.of("text", LOAD_TEST, "kind", "urgent"), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "due: must be a date YYYY-MM-DD", () -> add(postmortem,
                Map.of("text", LOAD_TEST, "kind", "corrective", "due", "next friday"), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "source_line", () -> add(postmortem,
                Map.of("text", LOAD_TEST, "kind", "corrective", "source_line", "nineteen"), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "source_line: the postmortem has ", () -> add(
                postmortem, Map.of("text", LOAD_TEST, "kind", "corrective", "source_line", 400), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "owner: must be at most 200 characters", () -> add(postmortem,
                Map.of("text", LOAD_TEST, "kind", "corrective", "owner", "o".repeat(201)), ADMIN));

        assertEquals(0, textCount(LOAD_TEST), "a refused request writes nothing");
    }

    @Test
    void aFollowUpThePostmortemHasAlreadyIsAConflictNamingIt() {
        long alert = teams.checkoutActions.get(1);

        assertProblem(HttpStatus.CONFLICT, "text: the postmortem has this follow-up already: " + alert,
                () -> add(teams.payCheckout, Map.of("text", "Alert on connection-pool saturation for the orders "
                        + "database", "kind", "preventative"), ADMIN));
    }

    @Test
    void aReaderCannotAddOne() {
        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> add(teams.webSearch,
                Map.of("text", LOAD_TEST, "kind", "preventative"), teams.webReader));
    }

    @Test
    void anotherTeamsEditorIsToldThePostmortemDoesNotExist() {
        assertProblem(HttpStatus.NOT_FOUND, "no postmortem with id " + teams.payCheckout, () -> add(teams.payCheckout,
                Map.of("text", LOAD_TEST, "kind", "preventative"), teams.webEditor));

        assertEquals(0, textCount(LOAD_TEST));
    }

    @Test
    void aTeamsEditorAddsToItsOwnPostmortem() {
        Map<String, Object> added = add(teams.webSearch, Map.of("text", "Page the search on-call on read-only indexes",
                "kind", "preventative"), teams.webEditor).body();

        assertEquals("web", added.get("team"));
        assertEquals("web-oncall", added.get("owner"));
    }

    private HttpResponse<Map<String, Object>> add(long postmortemId, Map<String, Object> body, String token) {
        return exchange(HttpRequest.POST("/api/postmortems/" + postmortemId + "/actions", new HashMap<>(body))
                .bearerAuth(token));
    }

    private long textCount(String text) {
        return list(getJson("/api/postmortems/" + teams.payCheckout).get("actions")).stream()
                .filter(action -> text.equals(action.get("text"))).count();
    }

    private static Map<String, Object> action(Map<String, Object> postmortem, long id) {
        List<Map<String, Object>> matching = list(postmortem.get("actions")).stream()
                .filter(action -> id(action) == id).toList();
        assertFalse(matching.isEmpty(), "follow-up " + id + " in " + postmortem.get("actions"));
        return matching.get(0);
    }
}
