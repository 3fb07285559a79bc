package dev.closeout.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON calls HTTP tests make, as the admin unless a token is given, and the checks of a problem answer. */
public record ApiCalls(BlockingHttpClient client) {

    public static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    public Map<String, Object> get(String uri) {
        return client.retrieve(HttpRequest.GET(uri).bearerAuth(ADMIN), JSON_OBJECT);
    }

    public HttpResponse<Map<String, Object>> importJson(String source, String text) {
        return client.exchange(HttpRequest.POST("/api/postmortems", Map.of("source", source, "text", text))
                .bearerAuth(ADMIN), JSON_OBJECT);
    }

    public HttpResponse<Map<String, Object>> exchange(MutableHttpRequest<?> request) {
        return client.exchange(request, JSON_OBJECT);
    }

    /** A new token with {@code role}, issued by the admin. */
    public String token(String role) {
        return (String) client.retrieve(HttpRequest.POST("/api/tokens", Map.of("name", role + "-test", "role", role))
                .bearerAuth(ADMIN), JSON_OBJECT).get("token");
    }

    /** Runs a call that must fail and checks it answered {@code status} as problem+json naming {@code detailPart}. */
    public static String assertProblem(HttpStatus status, String detailPart, Executable call) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class, call);
        assertEquals(status, error.getStatus(), () -> error.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", error.getResponse().getContentType().orElseThrow().toString());
        String body = error.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains(detailPart), () -> "expected '" + detailPart + "' in " + body);
        return body;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
