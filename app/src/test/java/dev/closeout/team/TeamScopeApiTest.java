package dev.closeout.team;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A team-scoped token knows its own team only: other teams are not listed and not found. */
class TeamScopeApiTest extends ApiTestBase {

    private TwoTeams teams;

    @BeforeEach
    void twoTeams() {
        teams = TwoTeams.setUp(client);
    }

    @Test
    void listsOnlyItsOwnTeam() {
        assertEquals(List.of("web"), keys(getJson("/api/teams", teams.webReader)));
        assertEquals(List.of("web", "pay"), keys(getJson("/api/teams", ADMIN)));
    }

    @Test
    void anotherTeamIsNotFound() {
        assertEquals("web", getJson("/api/teams/web", teams.webReader).get("key"));
        assertProblem(HttpStatus.NOT_FOUND, "no team with key 'pay'", () -> getJson("/api/teams/pay", teams.webReader));
    }

    @Test
    void changingATeamIsForAnUnscopedAdmin() {
        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> exchange(HttpRequest.PATCH("/api/teams/web",
                Map.of("default_owner", "mallory")).bearerAuth(teams.webEditor)));

        assertEquals("web-oncall", getJson("/api/teams/web").get("default_owner"));
    }

    private static List<Object> keys(Map<String, Object> page) {
        return list(page.get("items")).stream().map(team -> team.get("key")).toList();
    }
}
