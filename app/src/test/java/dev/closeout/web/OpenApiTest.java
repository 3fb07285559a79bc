package dev.closeout.web;

import dev.closeout.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI spec generated at build and Swagger UI are served without a token. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @Test
    void servesTheSpecWithEveryApiAndTheBearerScheme() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/swagger/closeout-0.1.yml"));

        assertTrue(spec.startsWith("openapi: 3"), spec);
        assertTrue(spec.contains("/api/postmortems:"), "postmortems in the spec");
        assertTrue(spec.contains("/api/actions:"), "actions in the spec");
        assertTrue(spec.contains("/api/tokens:"), "tokens in the spec");
        assertTrue(spec.contains("scheme: bearer"), "bearer scheme in the spec");
        assertTrue(spec.contains("removed_from_source"), "snake_case field names in the spec");
    }

    @Test
    void servesSwaggerUiFromItsOwnPath() {
        HttpResponse<String> redirect = client.toBlocking().exchange(HttpRequest.GET("/swagger-ui"), String.class);
        String page = client.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/index.html"));

        assertEquals(HttpStatus.OK, redirect.getStatus(), "the client follows the redirect to the page");
        assertTrue(redirect.body().contains("swagger-ui"), redirect.body());
        assertTrue(page.contains("/swagger/closeout-0.1.yml"), "the UI loads the generated spec");
    }
}
