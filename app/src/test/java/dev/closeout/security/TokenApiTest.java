package dev.closeout.security;

import dev.closeout.support.DatabaseCleaner;
import dev.closeout.support.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.API_TOKEN;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API tokens as admins and clients meet them: issue, use, list, revoke; roles and the open health check. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenApiTest implements TestPropertyProvider {

    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);
    private static final String POSTMORTEM = "# Outage\n\n## Action items\n- Add an alert on queue depth\n";

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    DatabaseCleaner cleaner;

    @Inject
    DSLContext dsl;

    @Inject
    TransactionOperations<Connection> transactions;

    BlockingHttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @BeforeEach
    void setUp() {
        cleaner.clean();
        client = httpClient.toBlocking();
    }

    @Test
    void noTokenIsUnauthorizedWithAProblem() {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/actions"), String.class));

        assertProblem(error, HttpStatus.UNAUTHORIZED);
        assertTrue(error.getResponse().getBody(String.class).orElseThrow().contains("Authorization: Bearer"));
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/actions").bearerAuth("co_not-a-real-token"), String.class));

        assertProblem(error, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthNeedsNoToken() {
        assertEquals(HttpStatus.OK, client.exchange(HttpRequest.GET("/health"), String.class).getStatus());
    }

    @Test
    void anIssuedTokenIsShownOnceAndStoredOnlyAsAHash() {
        HttpResponse<Map<String, Object>> created = issue("ci-bot", "editor");

        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<String, Object> body = created.body();
        String token = (String) body.get("token");
        assertTrue(token.startsWith("co_") && token.length() > 40, token);
        assertEquals("ci-bot", body.get("name"));
        assertEquals("editor", body.get("role"));
        assertEquals("/api/tokens/" + body.get("id"), created.header("Location"));

        List<Map<String, Object>> listed = items(client.retrieve(get("/api/tokens", ADMIN), JSON_OBJECT));
        assertEquals(1, listed.size());
        assertNull(listed.get(0).get("token"));
        String stored = transactions.executeRead(status ->
                dsl.select(API_TOKEN.TOKEN_HASH).from(API_TOKEN).fetchOne(API_TOKEN.TOKEN_HASH));
        assertFalse(stored.contains(token));
        assertEquals(ApiTokens.hash(token), stored);
    }

    @Test
    void aReaderReadsButCannotWrite() {
        String reader = (String) issue("dashboard", "reader").body().get("token");

        assertEquals(HttpStatus.OK, client.exchange(get("/api/actions", reader), String.class).getStatus());
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.POST("/api/postmortems", POSTMORTEM)
                        .contentType(MediaType.TEXT_PLAIN).bearerAuth(reader), String.class));

        assertProblem(error, HttpStatus.FORBIDDEN);
        assertTrue(error.getResponse().getBody(String.class).orElseThrow().contains("role"));
        assertEquals(List.of(), items(client.retrieve(get("/api/postmortems", ADMIN), JSON_OBJECT)));
    }

    @Test
    void anEditorWritesButCannotManageTokens() {
        String editor = (String) issue("importer", "editor").body().get("token");

        HttpResponse<String> imported = client.exchange(HttpRequest.POST("/api/postmortems", POSTMORTEM)
                .contentType(MediaType.TEXT_PLAIN).bearerAuth(editor), String.class);
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(get("/api/tokens", editor), String.class));

        assertEquals(HttpStatus.CREATED, imported.getStatus());
        assertProblem(error, HttpStatus.FORBIDDEN);
    }

    @Test
    void aRevokedTokenStopsWorking() {
        Map<String, Object> issued = issue("temporary", "reader").body();
        String token = (String) issued.get("token");
        assertEquals(HttpStatus.OK, client.exchange(get("/api/actions", token), String.class).getStatus());

        HttpResponse<String> revoked = client.exchange(HttpRequest.DELETE("/api/tokens/" + issued.get("id"))
                .bearerAuth(ADMIN), String.class);

        assertEquals(HttpStatus.NO_CONTENT, revoked.getStatus());
        assertProblem(assertThrows(HttpClientResponseException.class,
                () -> client.exchange(get("/api/actions", token), String.class)), HttpStatus.UNAUTHORIZED);
        assertProblem(assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.DELETE("/api/tokens/" + issued.get("id")).bearerAuth(ADMIN),
                        String.class)), HttpStatus.NOT_FOUND);
    }

    @Test
    void rejectsAnUnknownRoleAnUnknownTeamAndAScopedAdmin() {
        HttpClientResponseException badRole = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(post("/api/tokens", Map.of("name", "x", "role", "owner")), String.class));
        HttpClientResponseException badTeam = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(post("/api/tokens", Map.of("name", "x", "role", "reader", "team", "nope")),
                        String.class));
        transactions.executeWrite(status -> dsl.insertInto(TEAM, TEAM.TEAM_KEY, TEAM.NAME, TEAM.CREATED_AT,
                TEAM.UPDATED_AT).values("payments", "Payments", LocalDateTime.now(), LocalDateTime.now()).execute());
        HttpClientResponseException scopedAdmin = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(post("/api/tokens", Map.of("name", "x", "role", "admin", "team", "payments")),
                        String.class));
        HttpClientResponseException noName = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(post("/api/tokens", Map.of("name", " ", "role", "reader")), String.class));

        assertProblem(badRole, HttpStatus.BAD_REQUEST);
        assertTrue(badRole.getResponse().getBody(String.class).orElseThrow().contains("role"));
        assertProblem(badTeam, HttpStatus.BAD_REQUEST);
        assertTrue(badTeam.getResponse().getBody(String.class).orElseThrow().contains("team"));
        assertProblem(noName, HttpStatus.BAD_REQUEST);
        assertProblem(scopedAdmin, HttpStatus.BAD_REQUEST);
        assertEquals(0, (int) transactions.executeRead(status -> dsl.fetchCount(API_TOKEN)));
    }

    private HttpResponse<Map<String, Object>> issue(String name, String role) {
        return client.exchange(post("/api/tokens", Map.of("name", name, "role", role)), JSON_OBJECT);
    }

    private static MutableHttpRequest<?> get(String uri, String token) {
        return HttpRequest.GET(uri).bearerAuth(token);
    }

    private static MutableHttpRequest<?> post(String uri, Object body) {
        return HttpRequest.POST(uri, body).bearerAuth(ADMIN);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static void assertProblem(HttpClientResponseException error, HttpStatus status) {
        assertEquals(status, error.getStatus());
        assertEquals("application/problem+json", error.getResponse().getContentType().orElseThrow().toString());
        String body = error.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"status\":" + status.getCode()), body);
    }
}
