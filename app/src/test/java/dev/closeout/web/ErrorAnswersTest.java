package dev.closeout.web;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Corpus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input is the client's to fix: it gets a 4xx problem+json that names what to change, in the API's
 * words, never a 500 and never the server's Java internals.
 */
class ErrorAnswersTest extends ApiTestBase {

    /** What a detail must never show: the server's classes, frames and framework. */
    private static final List<String> INTERNALS = List.of("java.", "javax.", "jakarta.", "dev.closeout",
            "io.micronaut", "com.fasterxml", "Exception", "Error:", "\\tat ", ".java:", "$", "Feature", "REDACTED",
            "[Source");

    private static final HttpClient RAW = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Test
    void anUnknownCharsetIsRefusedWith415NamingIt() throws Exception {
        HttpResponse<String> answer = raw("POST", "/api/postmortems", "text/markdown; charset=klingon", ADMIN);

        assertEquals(415, answer.statusCode(), answer.body());
        assertEquals(Problem.CONTENT_TYPE, answer.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(answer.body().contains("klingon"), answer.body());
        assertNoInternals(answer.body());
    }

    @Test
    void anImportWithoutContentTypeIsRefusedWith415ListingTheAcceptedTypes() throws Exception {
        HttpResponse<String> answer = raw("POST", "/api/postmortems", null, ADMIN);

        assertEquals(415, answer.statusCode(), answer.body());
        assertEquals(Problem.CONTENT_TYPE, answer.headers().firstValue("Content-Type").orElseThrow());
        for (String accepted : List.of("application/json", "text/markdown", "text/plain", "text/html")) {
            assertTrue(answer.body().contains(accepted), answer.body());
        }
        assertNoInternals(answer.body());
    }

    @Test
    void withoutATokenEveryApiRequestIsAnsweredBy401First() throws Exception {
        List<String[]> strangers = List.of(
                new String[] {"GET", "/api/no-such-route", null},
                new String[] {"POST", "/api/no-such-route", "application/json"},
                new String[] {"DELETE", "/api/postmortems", null},
                new String[] {"PUT", "/api/actions/100001", "application/json"},
                new String[] {"POST", "/api/postmortems", "application/json"},
                new String[] {"POST", "/api/postmortems", "text/markdown; charset=klingon"},
                new String[] {"POST", "/api/postmortems", "image/png"},
                new String[] {"POST", "/api/postmortems", null},
                new String[] {"POST", "/api/postmortems/batch", "application/json"},
                new String[] {"GET", "/api/postmortems/not-a-number", null},
                new String[] {"GET", "/api/postmortems?limit=lots", null});

        for (String[] stranger : strangers) {
            HttpResponse<String> answer = raw(stranger[0], stranger[1], stranger[2], null);
            assertEquals(401, answer.statusCode(), () -> String.join(" ", stranger) + ": " + answer.body());
        }
    }

    @Test
    void malformedJsonIs400WithoutInternals() {
        String body = assertProblem(HttpStatus.BAD_REQUEST, "line 1, column", () -> client.exchange(
                HttpRequest.POST("/api/postmortems", "{\"source\": \"a\", \"text\": ")
                        .contentType(MediaType.APPLICATION_JSON).bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingTheField() {
        String body = assertProblem(HttpStatus.BAD_REQUEST, "name: ", () -> client.exchange(
                HttpRequest.POST("/api/tokens", Map.of("name", List.of("a", "b"), "role", "reader"))
                        .bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void aBatchThatIsNotAnArrayIs400WithoutInternals() {
        String body = assertProblem(HttpStatus.BAD_REQUEST, "", () -> client.exchange(
                HttpRequest.POST("/api/postmortems/batch", Map.of("source", "a", "text", "b"))
                        .bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void anUnknownStatusIs400NamingTheParameter() {
        String body = assertProblem(HttpStatus.BAD_REQUEST, "status", () -> client.exchange(
                HttpRequest.GET("/api/actions?status=finished").bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void aBadDateIs400NamingTheParameter() {
        String body = assertProblem(HttpStatus.BAD_REQUEST, "from", () -> client.exchange(
                HttpRequest.GET("/api/postmortems?from=2024-13-45").bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void aNumberParameterThatIsNoNumberIs400NamingIt() {
        String body = assertProblem(HttpStatus.BAD_REQUEST, "limit: ", () -> client.exchange(
                HttpRequest.GET("/api/postmortems?limit=lots").bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void anIdThatIsNoNumberIs400NamingIt() {
        String body = assertProblem(HttpStatus.BAD_REQUEST, "id: ", () -> client.exchange(
                HttpRequest.GET("/api/postmortems/not-a-number").bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void aBadDueDateInAnEditIs400NamingIt() {
        long action = id(list(map(importJson("due.md", Corpus.read(Corpus.SEED_LB_ROUTING)).body())
                .get("actions")).get(0));

        String body = assertProblem(HttpStatus.BAD_REQUEST, "due", () -> client.exchange(
                HttpRequest.PATCH("/api/actions/" + action, Map.of("due", "next tuesday", "version", 1))
                        .bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void aWrongMethodIs405WithoutInternals() {
        String body = assertProblem(HttpStatus.METHOD_NOT_ALLOWED, "", () -> client.exchange(
                HttpRequest.DELETE("/api/postmortems").bearerAuth(ADMIN), String.class));

        assertNoInternals(body);
    }

    @Test
    void healthWithoutATokenSaysOnlyUpOrDown() {
        Map<String, Object> health = client.retrieve(HttpRequest.GET("/health"), JSON_OBJECT);

        assertEquals("UP", health.get("status"));
        assertNull(health.get("details"), health::toString);
        assertFalse(health.toString().contains("jdbc:"), health::toString);
    }

    @Test
    void healthWithAReaderTokenShowsTheDetails() {
        String reader = token("dashboard", "reader");

        Map<String, Object> health = getJson("/health", reader);

        assertEquals("UP", map(map(health.get("details")).get("jdbc")).get("status"));
    }

    /**
     * Sends what a plain client would, with a body that is not valid JSON ({@code "{"source": "}) and exactly
     * the given Content-Type (none when null): Micronaut's client would add or encode one itself.
     */
    private HttpResponse<String> raw(String method, String path, @Nullable String contentType, @Nullable String token)
            throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{\"source\": "));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoInternals(String problem) {
        for (String internal : INTERNALS) {
            assertFalse(problem.contains(internal), () -> "'" + internal + "' in " + problem);
        }
    }
}
