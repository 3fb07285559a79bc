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
        assertEquals(List.of(), ids(getJson("/api/teams/search/actions", editor)));
        assertEquals(List.of(ours, theirs, unassigned), ids(getJson("/api/actions", ADMIN)));
    }

    @Test
    void changesItsTeamsActions() {
        assertEquals("bob", patchCurrent(ours, Map.of("owner", "bob"), editor).body().get("owner"));
        assertEquals("in_progress", transition(ours, "in_progress", null, editor).body().get("status"));
    }

    @Test
    void anotherTeamsActionIsForbidden() {
        for (long id : List.of(theirs, unassigned)) {
            assertProblem(HttpStatus.FORBIDDEN, "another team", () -> getAction(id, editor));
            assertProblem(HttpStatus.FORBIDDEN, "another team",
                    () -> getJson("/api/actions/" + id + "/history", editor));
            assertProblem(HttpStatus.FORBIDDEN, "another team", () -> patchCurrent(id, Map.of("owner", "bob"), editor));
            assertProblem(HttpStatus.FORBIDDEN, "another team", () -> transition(id, "in_progress", null, editor));
        }
        assertEquals("open", getAction(theirs, ADMIN).body().get("status"));
        assertEquals(null, getAction(theirs, ADMIN).body().get("owner"));
    }

    @Test
    void cannotHandItsActionToAnotherTeam() {
        assertProblem(HttpStatus.FORBIDDEN, "team", () -> patchCurrent(ours, Map.of("team", "search"), editor));

        assertEquals("payments", getAction(ours, ADMIN).body().get("team"));
    }
}
