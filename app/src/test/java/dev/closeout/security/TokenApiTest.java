package dev.closeout.security;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.API_TOKEN;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API tokens as admins and clients meet them: issue, use, list, revoke; roles and the open health check. */
class TokenApiTest extends ApiTestBase {

    private static final String POSTMORTEM = "# Outage\n\n## Action items\n- Add an alert on queue depth\n";

    @Test
    void noTokenIsUnauthorizedWithAProblem() {
        assertProblem(HttpStatus.UNAUTHORIZED, "Authorization: Bearer",
                () -> client.exchange(HttpRequest.GET("/api/actions"), String.class));
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        assertProblem(HttpStatus.UNAUTHORIZED, "",
                () -> client.exchange(HttpRequest.GET("/api/actions").bearerAuth("co_not-a-real-token"), String.class));
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

        List<Map<String, Object>> listed = list(getJson("/api/tokens").get("items"));
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
        assertProblem(HttpStatus.FORBIDDEN, "role", () -> client.exchange(HttpRequest.POST("/api/postmortems",
                POSTMORTEM).contentType(MediaType.TEXT_PLAIN).bearerAuth(reader), String.class));
        assertEquals(List.of(), getJson("/api/postmortems").get("items"));
    }

    @Test
    void anEditorWritesButCannotManageTokens() {
        String editor = (String) issue("importer", "editor").body().get("token");

        HttpResponse<String> imported = client.exchange(HttpRequest.POST("/api/postmortems", POSTMORTEM)
                .contentType(MediaType.TEXT_PLAIN).bearerAuth(editor), String.class);
        assertEquals(HttpStatus.CREATED, imported.getStatus());
        assertProblem(HttpStatus.FORBIDDEN, "", () -> client.exchange(get("/api/tokens", editor), String.class));
    }

    @Test
    void aRevokedTokenStopsWorking() {
        Map<String, Object> issued = issue("temporary", "reader").body();
        String token = (String) issued.get("token");
        assertEquals(HttpStatus.OK, client.exchange(get("/api/actions", token), String.class).getStatus());

        HttpResponse<String> revoked = client.exchange(HttpRequest.DELETE("/api/tokens/" + issued.get("id"))
                .bearerAuth(ADMIN), String.class);

        assertEquals(HttpStatus.NO_CONTENT, revoked.getStatus());
        assertProblem(HttpStatus.UNAUTHORIZED, "", () -> client.exchange(get("/api/actions", token), String.class));
        assertProblem(HttpStatus.NOT_FOUND, "",
                () -> client.exchange(HttpRequest.DELETE("/api/tokens/" + issued.get("id")).bearerAuth(ADMIN),
                        String.class));
    }

    @Test
    void rejectsAnUnknownRoleAnUnknownTeamAndAScopedAdmin() {
        assertProblem(HttpStatus.BAD_REQUEST, "role",
                () -> client.exchange(post("/api/tokens", Map.of("name", "x", "role", "owner")), String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "team",
                () -> client.exchange(post("/api/tokens", Map.of("name", "x", "role", "reader", "team", "nope")),
                        String.class));
        transactions.executeWrite(status -> dsl.insertInto(TEAM, TEAM.TEAM_KEY, TEAM.NAME, TEAM.CREATED_AT,
                TEAM.UPDATED_AT).values("payments", "Payments", LocalDateTime.now(), LocalDateTime.now()).execute());
        assertProblem(HttpStatus.BAD_REQUEST, "",
                () -> client.exchange(post("/api/tokens", Map.of("name", "x", "role", "admin", "team", "payments")),
                        String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "",
                () -> client.exchange(post("/api/tokens", Map.of("name", " ", "role", "reader")), String.class));

        assertEquals(0, (int) transactions.executeRead(status -> dsl.fetchCount(API_TOKEN)));
    }

    private HttpResponse<Map<String, Object>> issue(String name, String role) {
        return exchange(post("/api/tokens", Map.of("name", name, "role", role)));
    }

    private static MutableHttpRequest<?> get(String uri, String token) {
        return HttpRequest.GET(uri).bearerAuth(token);
    }

    private static MutableHttpRequest<?> post(String uri, Object body) {
        return HttpRequest.POST(uri, body).bearerAuth(ADMIN);
    }
}
