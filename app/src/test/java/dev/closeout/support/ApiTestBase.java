package dev.closeout.support;

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
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the tests of the running application share: the test database, emptied before each test, a blocking
 * HTTP client, and the calls and checks they make, as the admin unless a token is given. Not transactional:
 * the server answers on its own threads and must see what a test wrote. One instance per class, which
 * {@link TestPropertyProvider} needs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {

    protected static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    protected HttpClient httpClient;

    @Inject
    protected DatabaseCleaner cleaner;

    @Inject
    protected DSLContext dsl;

    @Inject
    protected TransactionOperations<Connection> transactions;

    protected BlockingHttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @BeforeAll
    protected void startClient() {
        client = httpClient.toBlocking();
    }

    @BeforeEach
    protected void emptyDatabase() {
        cleaner.clean();
    }

    protected Map<String, Object> getJson(String uri) {
        return getJson(uri, ADMIN);
    }

    protected Map<String, Object> getJson(String uri, String token) {
        return client.retrieve(HttpRequest.GET(uri).bearerAuth(token), JSON_OBJECT);
    }

    protected HttpResponse<Map<String, Object>> exchange(MutableHttpRequest<?> request) {
        return client.exchange(request, JSON_OBJECT);
    }

    /** Imports {@code text} as JSON with its {@code source}, as the admin. */
    protected HttpResponse<Map<String, Object>> importJson(String source, String text) {
        return exchange(HttpRequest.POST("/api/postmortems", Map.of("source", source, "text", text)).bearerAuth(ADMIN));
    }

    /** A new token with {@code role}, issued by the admin. */
    protected String token(String name, String role) {
        return token(name, role, null);
    }

    /** A new token with {@code role}, scoped to the team with {@code teamKey} when not null. */
    protected String token(String name, String role, String teamKey) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "role", role));
        if (teamKey != null) {
            body.put("team", teamKey);
        }
        return (String) client.retrieve(HttpRequest.POST("/api/tokens", body).bearerAuth(ADMIN), JSON_OBJECT)
                .get("token");
    }

    /**
     * Runs a call that must fail and checks it answered {@code status} as problem+json naming {@code detailPart};
     * answers the body for further checks.
     */
    protected static String assertProblem(HttpStatus status, String detailPart, Executable call) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class, call);
        assertEquals(status, error.getStatus(), () -> error.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", error.getResponse().getContentType().orElseThrow().toString());
        String body = error.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"status\":" + status.getCode()), body);
        assertTrue(body.contains(detailPart), () -> "expected '" + detailPart + "' in " + body);
        return body;
    }

    protected static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
