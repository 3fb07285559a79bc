package dev.closeout.web;

import dev.closeout.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus metrics: on by default, scraped with a token unless configured open. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @Test
    void aTokenScrapesHttpAndPoolMetrics() {
        client.toBlocking().exchange(HttpRequest.GET("/api/actions").bearerAuth(ADMIN), String.class);

        String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN));

        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP request metrics");
        assertTrue(metrics.contains("uri=\"/api/actions\""), "requests by route");
        assertTrue(metrics.contains("hikaricp_connections"), "connection pool metrics");
    }

    @Test
    void noTokenNoMetrics() {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class));

        assertEquals(HttpStatus.UNAUTHORIZED, error.getStatus());
    }
}
