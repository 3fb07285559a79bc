package dev.closeout.action;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A team-scoped token sees and changes its team's follow-ups only. */
class ActionTeamScopeApiTest extends ActionApiTestSupport {

    private long ours;
    private long theirs;
    private long unassigned;
    private String editor;

    @BeforeEach
    void twoTeamsWithAnActionEach() {
        insertTeam("payments");
        insertTeam("search");
        List<Long> ids = importActions("Add an alert on queue depth", "Fix the retry loop", "Document the failover");
        ours = ids.get(0);
        theirs = ids.get(1);
        unassigned = ids.get(2);
        patchCurrent(ours, Map.of("team", "payments"), ADMIN);
        patchCurrent(theirs, Map.of("team", "search"), ADMIN);
        editor = token("payments-bot", "editor", "payments");
    }

    @Test
    void listsShowOnlyTheTokensTeam() {
        assertEquals(List.of(ours), ids(getJson("/api/actions", editor)));
        assertEquals(List.of(), ids(getJson("/api/actions?team=search", editor)));
        assertEquals(List.of(ours), ids(getJson("/api/teams/payments/actions", editor)));
        assertProblem(HttpStatus.NOT_FOUND, "no team with key 'search'",
                () -> getJson("/api/teams/search/actions", editor));
        assertProblem(HttpStatus.NOT_FOUND, "no team with key 'nowhere'",
                () -> getJson("/api/teams/nowhere/actions", editor));
        assertEquals(List.of(ours, theirs, unassigned), ids(getJson("/api/actions", ADMIN)));
    }

    @Test
    void changesItsTeamsActions() {
        assertEquals("bob", patchCurrent(ours, Map.of("owner", "bob"), editor).body().get("owner"));
        assertEquals("in_progress", transition(ours, "in_progress", null, editor).body().get("status"));
    }

    @Test
    void anotherTeamsActionIsNotFound() {
        for (long id : List.of(theirs, unassigned)) {
            String missing = "no action with id " + id;
            assertProblem(HttpStatus.NOT_FOUND, missing, () -> getAction(id, editor));
            assertProblem(HttpStatus.NOT_FOUND, missing, () -> getJson("/api/actions/" + id + "/history", editor));
            assertProblem(HttpStatus.NOT_FOUND, missing, () -> getJson("/api/actions/" + id + "/ticket", editor));
            assertProblem(HttpStatus.NOT_FOUND, missing, () -> patchCurrent(id, Map.of("owner", "bob"), editor));
            assertProblem(HttpStatus.NOT_FOUND, missing, () -> transition(id, "in_progress", null, editor));
        }
        assertEquals("open", getAction(theirs, ADMIN).body().get("status"));
        assertEquals(null, getAction(theirs, ADMIN).body().get("owner"));
    }

    @Test
    void cannotHandItsActionToAnotherTeam() {
        // a key that exists and one that does not answer alike: the refusal tells nothing about other teams
        assertProblem(HttpStatus.FORBIDDEN, "team", () -> patchCurrent(ours, Map.of("team", "search"), editor));
        assertProblem(HttpStatus.FORBIDDEN, "team", () -> patchCurrent(ours, Map.of("team", "nowhere"), editor));

        assertEquals("payments", getAction(ours, ADMIN).body().get("team"));
    }
}
