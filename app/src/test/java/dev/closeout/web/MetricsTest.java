package dev.closeout.web;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus metrics: on by default, scraped with a token unless configured open. */
class MetricsTest extends ApiTestBase {

    @Test
    void aTokenScrapesHttpAndPoolMetrics() {
        client.exchange(HttpRequest.GET("/api/actions").bearerAuth(ADMIN), String.class);

        String metrics = client.retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN));

        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP request metrics");
        assertTrue(metrics.contains("uri=\"/api/actions\""), "requests by route");
        assertTrue(metrics.contains("hikaricp_connections"), "connection pool metrics");
    }

    @Test
    void noTokenNoMetrics() {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/prometheus"), String.class));

        assertEquals(HttpStatus.UNAUTHORIZED, error.getStatus());
    }
}
