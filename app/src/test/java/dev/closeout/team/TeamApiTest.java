package dev.closeout.team;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Teams as admins and readers meet them: create, read, list, patch, and every way a request is refused. */
class TeamApiTest extends ApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("closeout.policy.priority-days.p0", "7");
        return properties;
    }

    @Test
    void createsATeamAndAnswersCreatedWithItsLocation() {
        HttpResponse<Map<String, Object>> created = client.exchange(post(Map.of("key", "payments",
                "name", "Payments", "default_owner", "pat", "services", List.of("Checkout", "payments-api", " CHECKOUT "),
                "jira_project", "PAY", "due_policy", Map.of("corrective_days", 21, "priority_days", Map.of("P1", 10)))),
                JSON_OBJECT);

        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("/api/teams/payments", created.header("Location"));
        Map<String, Object> team = created.body();
        assertNotNull(team.get("id"));
        assertEquals("payments", team.get("key"));
        assertEquals("Payments", team.get("name"));
        assertEquals("pat", team.get("default_owner"));
        assertEquals("PAY", team.get("jira_project"));
        assertEquals(List.of("checkout", "payments-api"), team.get("services"));
        assertEquals(policy(21, null, Map.of("p1", 10)), team.get("due_policy"));
        assertEquals(policy(21, 56, Map.of("p0", 7, "p1", 10)), team.get("effective_due_policy"));
        assertNotNull(team.get("created_at"));
        assertEquals(team, getJson("/api/teams/payments", ADMIN));
    }

    @Test
    void aTeamNeedsOnlyAKeyAndAName() {
        Map<String, Object> team = create(Map.of("key", "sre", "name", "SRE"));

        assertNull(team.get("default_owner"));
        assertNull(team.get("jira_project"));
        assertEquals(List.of(), team.get("services"));
        assertEquals(policy(null, null, Map.of()), team.get("due_policy"));
        assertEquals(policy(28, 56, Map.of("p0", 7)), team.get("effective_due_policy"));
    }

    @Test
    void aReaderListsTeamsPageByPage() {
        String reader = token("dashboard", "reader");
        for (String key : List.of("alpha", "beta", "gamma")) {
            create(Map.of("key", key, "name", key));
        }

        Map<String, Object> first = getJson("/api/teams?limit=2", reader);
        Map<String, Object> second = getJson("/api/teams?limit=2&cursor=" + first.get("next"), reader);

        assertEquals(List.of("alpha", "beta"), keys(first));
        assertEquals(List.of("gamma"), keys(second));
        assertNull(second.get("next"));
        assertEquals("alpha", getJson("/api/teams/alpha", reader).get("key"));
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndClearsThoseSentAsNull() {
        create(Map.of("key", "payments", "name", "Payments", "default_owner", "pat", "jira_project", "PAY",
                "services", List.of("checkout"), "due_policy", Map.of("corrective_days", 21, "preventative_days", 42,
                        "priority_days", Map.of("p1", 10))));
        Map<String, Object> policy = new HashMap<>();
        policy.put("corrective_days", null);
        policy.put("preventative_days", 49);
        Map<String, Object> body = new HashMap<>();
        body.put("default_owner", null);
        body.put("services", List.of("Checkout", "ledger"));
        body.put("due_policy", policy);

        Map<String, Object> team = client.retrieve(patch("/api/teams/payments", body, ADMIN), JSON_OBJECT);

        assertEquals("Payments", team.get("name"));
        assertNull(team.get("default_owner"));
        assertEquals("PAY", team.get("jira_project"));
        assertEquals(List.of("checkout", "ledger"), team.get("services"));
        assertEquals(policy(null, 49, Map.of("p1", 10)), team.get("due_policy"));
        assertEquals(team, getJson("/api/teams/payments", ADMIN));
    }

    @Test
    void patchingTheDuePolicyToNullDropsEveryOverride() {
        create(Map.of("key", "payments", "name", "Payments",
                "due_policy", Map.of("corrective_days", 21, "priority_days", Map.of("p1", 10))));
        Map<String, Object> body = new HashMap<>();
        body.put("due_policy", null);

        Map<String, Object> team = client.retrieve(patch("/api/teams/payments", body, ADMIN), JSON_OBJECT);

        assertEquals(policy(null, null, Map.of()), team.get("due_policy"));
        assertEquals(policy(28, 56, Map.of("p0", 7)), team.get("effective_due_policy"));
    }

    @Test
    void rejectsAKeyThatBreaksThePatternNamingTheField() {
        for (String key : List.of("Payments", "-payments", "pay ments", "a".repeat(65))) {
            assertProblem(HttpStatus.BAD_REQUEST, "key: must match",
                    () -> client.exchange(post(Map.of("key", key, "name", "x")), String.class));
        }
        assertProblem(HttpStatus.BAD_REQUEST, "key: must match",
                () -> client.exchange(post(Map.of("name", "No key")), String.class));
        assertEquals(List.of(), keys(getJson("/api/teams", ADMIN)));
    }

    @Test
    void rejectsInvalidFieldsNamingEach() {
        assertProblem(HttpStatus.BAD_REQUEST, "name:",
                () -> client.exchange(post(Map.of("key", "sre", "name", " ")), String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "jira_project:",
                () -> client.exchange(post(Map.of("key", "sre", "name", "SRE", "jira_project", "sre")),
                        String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "services:",
                () -> client.exchange(post(Map.of("key", "sre", "name", "SRE", "services", List.of(" "))),
                        String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "due_policy.preventative_days:",
                () -> client.exchange(post(Map.of("key", "sre", "name", "SRE",
                        "due_policy", Map.of("preventative_days", 0))), String.class));
        assertEquals(List.of(), keys(getJson("/api/teams", ADMIN)));
    }

    @Test
    void patchRejectsUnknownFieldsWrongTypesAndANewKeyAndWritesNothing() {
        Map<String, Object> before = create(Map.of("key", "sre", "name", "SRE"));

        assertProblem(HttpStatus.BAD_REQUEST, "owner: not a field of body",
                () -> client.exchange(patch("/api/teams/sre", Map.of("name", "Ops", "owner", "pat"), ADMIN),
                        String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "services: must be an array",
                () -> client.exchange(patch("/api/teams/sre", Map.of("name", "Ops", "services", "ledger"),
                        ADMIN), String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "due_policy.corrective_days: must be a whole number",
                () -> client.exchange(patch("/api/teams/sre",
                        Map.of("name", "Ops", "due_policy", Map.of("corrective_days", "soon")), ADMIN), String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "key: a team's key cannot change",
                () -> client.exchange(patch("/api/teams/sre", Map.of("name", "Ops", "key", "ops"), ADMIN),
                        String.class));
        Map<String, Object> blankName = new HashMap<>();
        blankName.put("name", null);
        assertProblem(HttpStatus.BAD_REQUEST, "name:",
                () -> client.exchange(patch("/api/teams/sre", blankName, ADMIN), String.class));

        assertEquals(before, getJson("/api/teams/sre", ADMIN));
    }

    @Test
    void rejectsADuplicateKeyWithConflict() {
        create(Map.of("key", "sre", "name", "SRE"));

        assertProblem(HttpStatus.CONFLICT, "key: a team with key 'sre' exists",
                () -> client.exchange(post(Map.of("key", "sre", "name", "Another")), String.class));
        assertEquals("SRE", getJson("/api/teams/sre", ADMIN).get("name"));
    }

    @Test
    void aServiceOwnedByAnotherTeamIsAConflictNamingThatTeam() {
        create(Map.of("key", "payments", "name", "Payments", "services", List.of("checkout")));
        create(Map.of("key", "sre", "name", "SRE"));

        assertProblem(HttpStatus.CONFLICT, "services: 'checkout' is owned by team 'payments'",
                () -> client.exchange(post(Map.of("key", "shop", "name", "Shop",
                        "services", List.of("CHECKOUT"))), String.class));
        assertProblem(HttpStatus.CONFLICT, "team 'payments'", () -> client.exchange(patch("/api/teams/sre",
                Map.of("name", "Site reliability", "services", List.of("Checkout")), ADMIN), String.class));

        assertEquals(List.of("payments", "sre"), keys(getJson("/api/teams", ADMIN)));
        assertEquals("SRE", getJson("/api/teams/sre", ADMIN).get("name"));
        assertEquals(List.of(), getJson("/api/teams/sre", ADMIN).get("services"));
    }

    @Test
    void anUnknownKeyIsNotFound() {
        assertProblem(HttpStatus.NOT_FOUND, "no team with key 'nope'",
                () -> client.exchange(HttpRequest.GET("/api/teams/nope").bearerAuth(ADMIN), String.class));
        assertProblem(HttpStatus.NOT_FOUND, "no team with key 'nope'",
                () -> client.exchange(patch("/api/teams/nope", Map.of("name", "Nope"), ADMIN), String.class));
    }

    @Test
    void noTokenIsUnauthorized() {
        assertProblem(HttpStatus.UNAUTHORIZED, "", () -> client.exchange(HttpRequest.GET("/api/teams"), String.class));
        assertProblem(HttpStatus.UNAUTHORIZED, "",
                () -> client.exchange(HttpRequest.POST("/api/teams", Map.of("key", "sre", "name", "SRE")),
                        String.class));
    }

    @Test
    void onlyAnAdminCreatesOrChangesATeam() {
        create(Map.of("key", "sre", "name", "SRE"));
        String reader = token("dashboard", "reader");
        String editor = token("importer", "editor");

        for (String token : List.of(reader, editor)) {
            assertProblem(HttpStatus.FORBIDDEN, "",
                    () -> client.exchange(HttpRequest.POST("/api/teams", Map.of("key", "ops", "name", "Ops"))
                            .bearerAuth(token), String.class));
            assertProblem(HttpStatus.FORBIDDEN, "",
                    () -> client.exchange(patch("/api/teams/sre", Map.of("name", "Ops"), token), String.class));
        }

        assertEquals(List.of("sre"), keys(getJson("/api/teams", ADMIN)));
        assertEquals("SRE", getJson("/api/teams/sre", ADMIN).get("name"));
    }

    private Map<String, Object> create(Map<String, Object> team) {
        return client.retrieve(post(team), JSON_OBJECT);
    }

    private static MutableHttpRequest<?> post(Map<String, Object> team) {
        return HttpRequest.POST("/api/teams", team).bearerAuth(ADMIN);
    }

    private static MutableHttpRequest<?> patch(String uri, Map<String, Object> body, String token) {
        return HttpRequest.PATCH(uri, body).bearerAuth(token);
    }

    private static Map<String, Object> policy(Integer corrective, Integer preventative, Map<String, Integer> priorities) {
        Map<String, Object> policy = new HashMap<>();
        policy.put("corrective_days", corrective);
        policy.put("preventative_days", preventative);
        policy.put("priority_days", priorities);
        return policy;
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Map<String, Object> page) {
        List<String> keys = new ArrayList<>();
        ((List<Map<String, Object>>) page.get("items")).forEach(team -> keys.add((String) team.get("key")));
        return keys;
    }
}
