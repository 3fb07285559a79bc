package dev.closeout.jira;

import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Jira sync works for every team at once, so only a token scoped to no team runs it, reconciles or
 * reads its global counts; a team's token still reads and makes its own follow-ups' tickets.
 */
class JiraTeamScopeApiTest extends JiraApiTestBase {

    private TwoTeams teams;

    @BeforeEach
    void twoTeamsWithFollowUpsWaitingForTickets() {
        teams = TwoTeams.setUp(client);
    }

    @Test
    void aTeamsTokenCannotRunASyncPassForEveryTeam() {
        int waiting = pending();

        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> exchange(
                HttpRequest.POST("/api/integrations/jira/sync", "").bearerAuth(teams.webEditor)));

        assertEquals(waiting, pending(), "no ticket created by the refused pass");
        assertTrue(jira.issues().isEmpty(), "nothing sent to Jira");
    }

    @Test
    void aTeamsTokenCannotReconcileOrReadTheGlobalCounts() {
        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> exchange(
                HttpRequest.POST("/api/integrations/jira/reconcile", "").bearerAuth(teams.webEditor)));
        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> exchange(
                HttpRequest.GET("/api/integrations/jira/status").bearerAuth(teams.webReader)));
    }

    @Test
    void aTeamsTokenMakesItsOwnFollowUpsTicketButNotAnotherTeams() {
        long ours = teams.searchActions.get(0);
        long theirs = teams.checkoutActions.get(0);

        assertProblem(HttpStatus.NOT_FOUND, "no action with id " + theirs, () -> exchange(
                HttpRequest.POST("/api/actions/" + theirs + "/ticket", "").bearerAuth(teams.webEditor)));
        assertEquals("synced", client.retrieve(HttpRequest.POST("/api/actions/" + ours + "/ticket", "")
                .bearerAuth(teams.webEditor), JSON_OBJECT).get("state"));

        assertEquals(1, issuesOf(ours).size());
        assertTrue(issuesOf(theirs).isEmpty());
    }
}
