package dev.closeout.team;

import dev.closeout.support.DatabaseCleaner;
import dev.closeout.support.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teams as admins and readers meet them: create, read, list, patch, and every way a request is refused. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamApiTest implements TestPropertyProvider {

    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    DatabaseCleaner cleaner;

    BlockingHttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("closeout.policy.priority-days.p0", "7");
        return properties;
    }

    @BeforeEach
    void setUp() {
        cleaner.clean();
        client = httpClient.toBlocking();
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
        assertEquals(team, get("/api/teams/payments", ADMIN));
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

        Map<String, Object> first = get("/api/teams?limit=2", reader);
        Map<String, Object> second = get("/api/teams?limit=2&cursor=" + first.get("next"), reader);

        assertEquals(List.of("alpha", "beta"), keys(first));
        assertEquals(List.of("gamma"), keys(second));
        assertNull(second.get("next"));
        assertEquals("alpha", get("/api/teams/alpha", reader).get("key"));
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
        assertEquals(team, get("/api/teams/payments", ADMIN));
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
            assertProblem(() -> client.exchange(post(Map.of("key", key, "name", "x")), String.class),
                    HttpStatus.BAD_REQUEST, "key: must match");
        }
        assertProblem(() -> client.exchange(post(Map.of("name", "No key")), String.class),
                HttpStatus.BAD_REQUEST, "key: must match");
        assertEquals(List.of(), keys(get("/api/teams", ADMIN)));
    }

    @Test
    void rejectsInvalidFieldsNamingEach() {
        assertProblem(() -> client.exchange(post(Map.of("key", "sre", "name", " ")), String.class),
                HttpStatus.BAD_REQUEST, "name:");
        assertProblem(() -> client.exchange(post(Map.of("key", "sre", "name", "SRE", "jira_project", "sre")),
                String.class), HttpStatus.BAD_REQUEST, "jira_project:");
        assertProblem(() -> client.exchange(post(Map.of("key", "sre", "name", "SRE", "services", List.of(" "))),
                String.class), HttpStatus.BAD_REQUEST, "services:");
        assertProblem(() -> client.exchange(post(Map.of("key", "sre", "name", "SRE",
                "due_policy", Map.of("preventative_days", 0))), String.class),
                HttpStatus.BAD_REQUEST, "due_policy.preventative_days:");
        assertEquals(List.of(), keys(get("/api/teams", ADMIN)));
    }

    @Test
    void patchRejectsUnknownFieldsWrongTypesAndANewKeyAndWritesNothing() {
        Map<String, Object> before = create(Map.of("key", "sre", "name", "SRE"));

        assertProblem(() -> client.exchange(patch("/api/teams/sre", Map.of("name", "Ops", "owner", "pat"), ADMIN),
                String.class), HttpStatus.BAD_REQUEST, "owner: not a field of body");
        assertProblem(() -> client.exchange(patch("/api/teams/sre", Map.of("name", "Ops", "services", "ledger"),
                ADMIN), String.class), HttpStatus.BAD_REQUEST, "services: must be an array");
        assertProblem(() -> client.exchange(patch("/api/teams/sre",
                Map.of("name", "Ops", "due_policy", Map.of("corrective_days", "soon")), ADMIN), String.class),
                HttpStatus.BAD_REQUEST, "due_policy.corrective_days: must be a whole number");
        assertProblem(() -> client.exchange(patch("/api/teams/sre", Map.of("name", "Ops", "key", "ops"), ADMIN),
                String.class), HttpStatus.BAD_REQUEST, "key: a team's key cannot change");
        Map<String, Object> blankName = new HashMap<>();
        blankName.put("name", null);
        assertProblem(() -> client.exchange(patch("/api/teams/sre", blankName, ADMIN), String.class),
                HttpStatus.BAD_REQUEST, "name:");

        assertEquals(before, get("/api/teams/sre", ADMIN));
    }

    @Test
    void rejectsADuplicateKeyWithConflict() {
        create(Map.of("key", "sre", "name", "SRE"));

        assertProblem(() -> client.exchange(post(Map.of("key", "sre", "name", "Another")), String.class),
                HttpStatus.CONFLICT, "key: a team with key 'sre' exists");
        assertEquals("SRE", get("/api/teams/sre", ADMIN).get("name"));
    }

    @Test
    void aServiceOwnedByAnotherTeamIsAConflictNamingThatTeam() {
        create(Map.of("key", "payments", "name", "Payments", "services", List.of("checkout")));
        create(Map.of("key", "sre", "name", "SRE"));

        assertProblem(() -> client.exchange(post(Map.of("key", "shop", "name", "Shop",
                "services", List.of("CHECKOUT"))), String.class),
                HttpStatus.CONFLICT, "services: 'checkout' is owned by team 'payments'");
        assertProblem(() -> client.exchange(patch("/api/teams/sre",
                Map.of("name", "Site reliability", "services", List.of("Checkout")), ADMIN), String.class),
                HttpStatus.CONFLICT, "team 'payments'");

        assertEquals(List.of("payments", "sre"), keys(get("/api/teams", ADMIN)));
        assertEquals("SRE", get("/api/teams/sre", ADMIN).get("name"));
        assertEquals(List.of(), get("/api/teams/sre", ADMIN).get("services"));
    }

    @Test
    void anUnknownKeyIsNotFound() {
        assertProblem(() -> client.exchange(HttpRequest.GET("/api/teams/nope").bearerAuth(ADMIN), String.class),
                HttpStatus.NOT_FOUND, "no team with key 'nope'");
        assertProblem(() -> client.exchange(patch("/api/teams/nope", Map.of("name", "Nope"), ADMIN), String.class),
                HttpStatus.NOT_FOUND, "no team with key 'nope'");
    }

    @Test
    void noTokenIsUnauthorized() {
        assertProblem(() -> client.exchange(HttpRequest.GET("/api/teams"), String.class),
                HttpStatus.UNAUTHORIZED, "");
        assertProblem(() -> client.exchange(HttpRequest.POST("/api/teams", Map.of("key", "sre", "name", "SRE")),
                String.class), HttpStatus.UNAUTHORIZED, "");
    }

    @Test
    void onlyAnAdminCreatesOrChangesATeam() {
        create(Map.of("key", "sre", "name", "SRE"));
        String reader = token("dashboard", "reader");
        String editor = token("importer", "editor");

        for (String token : List.of(reader, editor)) {
            assertProblem(() -> client.exchange(HttpRequest.POST("/api/teams", Map.of("key", "ops", "name", "Ops"))
                    .bearerAuth(token), String.class), HttpStatus.FORBIDDEN, "");
            assertProblem(() -> client.exchange(patch("/api/teams/sre", Map.of("name", "Ops"), token), String.class),
                    HttpStatus.FORBIDDEN, "");
        }

        assertEquals(List.of("sre"), keys(get("/api/teams", ADMIN)));
        assertEquals("SRE", get("/api/teams/sre", ADMIN).get("name"));
    }

    private Map<String, Object> create(Map<String, Object> team) {
        return client.retrieve(post(team), JSON_OBJECT);
    }

    private Map<String, Object> get(String uri, String token) {
        return client.retrieve(HttpRequest.GET(uri).bearerAuth(token), JSON_OBJECT);
    }

    private String token(String name, String role) {
        return (String) client.retrieve(HttpRequest.POST("/api/tokens", Map.of("name", name, "role", role))
                .bearerAuth(ADMIN), JSON_OBJECT).get("token");
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

    private static void assertProblem(Executable request, HttpStatus status, String detailPart) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class, request);
        assertEquals(status, error.getStatus());
        assertEquals("application/problem+json", error.getResponse().getContentType().orElseThrow().toString());
        String body = error.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"status\":" + status.getCode()), body);
        assertTrue(body.contains(detailPart), () -> "expected '" + detailPart + "' in " + body);
    }
}
