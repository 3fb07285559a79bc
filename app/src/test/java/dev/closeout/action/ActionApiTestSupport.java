package dev.closeout.action;

import dev.closeout.support.DatabaseCleaner;
import dev.closeout.support.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the follow-up API tests share: a clean MariaDB, an HTTP client and small request builders. */
abstract class ActionApiTestSupport implements TestPropertyProvider {

    static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

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
    private int imports;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @BeforeEach
    void cleanDatabase() {
        cleaner.clean();
        client = httpClient.toBlocking();
    }

    /** Imports a postmortem with one action per text and answers the actions' ids, in order. */
    List<Long> importActions(String... texts) {
        StringBuilder markdown = new StringBuilder("# Outage " + (++imports) + "\n\n## Action items\n");
        for (String text : texts) {
            markdown.append("- ").append(text).append('\n');
        }
        Map<String, Object> postmortem = client.retrieve(HttpRequest.POST("/api/postmortems", markdown.toString())
                .contentType(MediaType.of("text/markdown")).bearerAuth(ADMIN), JSON_OBJECT);
        return list(postmortem.get("actions")).stream().map(action -> ((Number) action.get("id")).longValue())
                .toList();
    }

    long importAction(String text) {
        return importActions(text).get(0);
    }

    HttpResponse<Map<String, Object>> getAction(long id, String token) {
        return client.exchange(HttpRequest.GET("/api/actions/" + id).bearerAuth(token), JSON_OBJECT);
    }

    Map<String, Object> getJson(String uri, String token) {
        return client.retrieve(HttpRequest.GET(uri).bearerAuth(token), JSON_OBJECT);
    }

    HttpResponse<Map<String, Object>> patch(long id, Map<String, ?> body, String ifMatch, String token) {
        MutableHttpRequest<?> request = HttpRequest.PATCH("/api/actions/" + id, body).bearerAuth(token);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return client.exchange(request, JSON_OBJECT);
    }

    /** Patches with the action's current ETag, as a client that just read it would. */
    HttpResponse<Map<String, Object>> patchCurrent(long id, Map<String, ?> body, String token) {
        return patch(id, body, getAction(id, ADMIN).header(HttpHeaders.ETAG), token);
    }

    HttpResponse<Map<String, Object>> transition(long id, String to, String reason, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return client.exchange(HttpRequest.POST("/api/actions/" + id + "/transitions", body).bearerAuth(token),
                JSON_OBJECT);
    }

    /** A token with {@code role}, scoped to the team with {@code teamKey} when not null. */
    String token(String name, String role, String teamKey) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "role", role));
        if (teamKey != null) {
            body.put("team", teamKey);
        }
        return (String) client.retrieve(HttpRequest.POST("/api/tokens", body).bearerAuth(ADMIN), JSON_OBJECT)
                .get("token");
    }

    long insertTeam(String key) {
        LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
        return transactions.executeWrite(status -> dsl.insertInto(TEAM, TEAM.TEAM_KEY, TEAM.NAME, TEAM.CREATED_AT,
                TEAM.UPDATED_AT).values(key, "Team " + key, now, now).returning(TEAM.ID).fetchOne(TEAM.ID));
    }

    /** Asserts the request fails with {@code status} as problem+json whose detail contains {@code detailPart}. */
    static String assertProblem(Executable request, HttpStatus status, String detailPart) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class, request);
        assertEquals(status, error.getStatus());
        assertEquals("application/problem+json", error.getResponse().getContentType().orElseThrow().toString());
        String body = error.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains(detailPart), () -> "expected '" + detailPart + "' in " + body);
        return body;
    }

    static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static List<Long> ids(Map<String, Object> page) {
        return list(page.get("items")).stream().map(ActionApiTestSupport::id).toList();
    }
}
