package dev.closeout.team;

import dev.closeout.support.ApiTestBase;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An import fills in what the postmortem leaves out: the team owning its service, that team's default
 * owner and due dates from the policy (the team's over the global one), keeping what the text states.
 */
class TeamImportTest extends ApiTestBase {

    private static final String SPEC = "TeamImportTest";
    /** Imports happen on Sunday 2025-06-15 by this test's clock. */
    private static final Instant IMPORTED_AT = Instant.parse("2025-06-15T10:00:00Z");
    /** An incident on Saturday 2025-03-08, so every date the policy computes lands on a weekend. */
    private static final String CHECKOUT_OUTAGE = """
            # Postmortem: Checkout outage

            **Service:** Checkout
            **Incident start:** 2025-03-08 14:00 UTC
            **Incident end:** 2025-03-08 15:30 UTC

            ## Root cause
            A configuration change to the payment gateway timeout was deployed without review.

            ## Action items

            | Action | Type | Owner | Due | Priority |
            | --- | --- | --- | --- | --- |
            | Revert the gateway timeout configuration | corrective | | | |
            | Add an alert on gateway error rate | preventative | | | |
            | Add a review step for gateway configuration changes | preventative | dana | 2025-04-30 | |
            | Roll back the faulty deploy tooling | corrective | | | P1 |
            """;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("spec.name", SPEC);
        properties.put("closeout.policy.priority-days.P1", "7");
        return properties;
    }

    @Factory
    @Requires(property = "spec.name", value = SPEC)
    static class FixedClock {

        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return Clock.fixed(IMPORTED_AT, ZoneOffset.UTC);
        }
    }

    @Test
    void actionsOfAServiceATeamOwnsGoToThatTeamWithItsOwnerAndPolicy() {
        createTeam(Map.of("key", "payments", "name", "Payments", "default_owner", "pat",
                "services", List.of("checkout"), "due_policy", Map.of("corrective_days", 21)));

        List<Map<String, Object>> actions = importMarkdown(CHECKOUT_OUTAGE);

        assertEquals(4, actions.size());
        // corrective: the team's 21 days land on Saturday 03-29, moved to Monday
        assertAction(actions.get(0), "payments", "pat", "2025-03-31");
        // preventative: the global 56 days land on Saturday 05-03, moved to Monday
        assertAction(actions.get(1), "payments", "pat", "2025-05-05");
        // owner and due date written in the postmortem stay
        assertAction(actions.get(2), "payments", "dana", "2025-04-30");
        // P1: the global priority table's 7 days land on Saturday 03-15, moved to Monday
        assertAction(actions.get(3), "payments", "pat", "2025-03-17");
        assertEquals(List.of("policy", "policy", "source", "policy"), dueSources());
    }

    @Test
    void actionsOfAServiceNoTeamOwnsGetTheGlobalPolicyAndNoTeam() {
        createTeam(Map.of("key", "search", "name", "Search", "default_owner", "sam", "services", List.of("search")));

        List<Map<String, Object>> actions = importMarkdown(CHECKOUT_OUTAGE);

        // corrective: 28 days land on Saturday 04-05, moved to Monday
        assertAction(actions.get(0), null, null, "2025-04-07");
        assertAction(actions.get(1), null, null, "2025-05-05");
        assertAction(actions.get(2), null, "dana", "2025-04-30");
        assertAction(actions.get(3), null, null, "2025-03-17");
    }

    @Test
    void withoutAnIncidentStartTheDueDateCountsFromTheImport() {
        List<Map<String, Object>> actions = importMarkdown("# Queue backlog\n\n## Action items\n"
                + "- Add an alert on queue depth\n");

        // imported Sunday 06-15: a preventative action's 56 days land on Sunday 08-10, moved to Monday
        assertEquals(1, actions.size());
        assertEquals("preventative", actions.get(0).get("kind"));
        assertAction(actions.get(0), null, null, "2025-08-11");
        assertEquals(List.of("policy"), dueSources());
    }

    private Object createTeam(Map<String, Object> team) {
        return client.retrieve(HttpRequest.POST("/api/teams", team).bearerAuth(ADMIN), JSON_OBJECT).get("id");
    }

    private List<Map<String, Object>> importMarkdown(String text) {
        Map<String, Object> postmortem = client.retrieve(HttpRequest.POST("/api/postmortems", text)
                .contentType(MediaType.of("text/markdown")).bearerAuth(ADMIN), JSON_OBJECT);
        return list(postmortem.get("actions"));
    }

    private List<String> dueSources() {
        return transactions.executeRead(status -> dsl.select(ACTION_ITEM.DUE_SOURCE).from(ACTION_ITEM)
                .orderBy(ACTION_ITEM.POSITION).fetch(ACTION_ITEM.DUE_SOURCE));
    }

    private static void assertAction(Map<String, Object> action, String team, String owner, String due) {
        String text = (String) action.get("text");
        assertEquals(team, action.get("team"), text);
        assertEquals(owner, action.get("owner"), text);
        assertEquals(due, action.get("due"), text);
    }
}
