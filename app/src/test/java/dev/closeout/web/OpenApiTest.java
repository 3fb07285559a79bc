package dev.closeout.web;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI spec generated at build and Swagger UI are served without a token. */
class OpenApiTest extends ApiTestBase {

    @Test
    void servesTheSpecWithEveryApiAndTheBearerScheme() {
        String spec = client.retrieve(HttpRequest.GET("/swagger/closeout-0.1.yml"));

        assertTrue(spec.startsWith("openapi: 3"), spec);
        assertTrue(spec.contains("/api/postmortems:"), "postmortems in the spec");
        assertTrue(spec.contains("/api/actions:"), "actions in the spec");
        assertTrue(spec.contains("/api/tokens:"), "tokens in the spec");
        assertTrue(spec.contains("scheme: bearer"), "bearer scheme in the spec");
        assertTrue(spec.contains("removed_from_source"), "snake_case field names in the spec");
    }

    @Test
    void servesSwaggerUiFromItsOwnPath() {
        HttpResponse<String> redirect = client.exchange(HttpRequest.GET("/swagger-ui"), String.class);
        String page = client.retrieve(HttpRequest.GET("/swagger-ui/index.html"));

        assertEquals(HttpStatus.OK, redirect.getStatus(), "the client follows the redirect to the page");
        assertTrue(redirect.body().contains("swagger-ui"), redirect.body());
        assertTrue(page.contains("/swagger/closeout-0.1.yml"), "the UI loads the generated spec");
    }
}
