package dev.closeout.support.openapi;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check that every answer a test sees is documented, itself: what it flags, and that it sees real answers. */
class DocumentedStatusesTest extends ApiTestBase {

    @Test
    void flagsAStatusItsOperationDoesNotList() {
        DocumentedStatuses document = DocumentedStatuses.parse(Map.of("paths", Map.of("/api/tokens/{id}",
                Map.of("delete", Map.of("responses", Map.of("204", Map.of(), "404", Map.of())),
                        "parameters", List.of()))));

        assertTrue(document.documents(new DocumentedStatuses.Observation("DELETE", "/api/tokens/{id}", 404)));
        assertFalse(document.documents(new DocumentedStatuses.Observation("DELETE", "/api/tokens/{id}", 409)));
        assertFalse(document.documents(new DocumentedStatuses.Observation("GET", "/api/tokens/{id}", 200)),
                "an operation the document lacks documents nothing");
    }

    @Test
    void recordsTheServersAnswersByTheirPathTemplate() {
        DocumentedStatuses.takeUndocumented();
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.DELETE("/api/tokens/123456").bearerAuth(ADMIN)));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        assertTrue(DocumentedStatuses.observed().contains(
                new DocumentedStatuses.Observation("DELETE", "/api/tokens/{id}", 404)), "seen, by its template");
        // 404 is documented for DELETE /api/tokens/{id}: nothing to flag
        assertEquals(List.of(), DocumentedStatuses.takeUndocumented());

        // GET /api/tokens/{id} is no operation: Micronaut answers 405 and no route (so no operation) is recorded
        HttpClientResponseException noSuchMethod = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/tokens/123456").bearerAuth(ADMIN)));
        assertEquals(HttpStatus.METHOD_NOT_ALLOWED, noSuchMethod.getStatus());
        assertEquals(List.of(), DocumentedStatuses.takeUndocumented());
    }

    @Test
    void failsTheTestThatSawAStatusTheServedDocumentDoesNotList() {
        DocumentedStatuses.takeUndocumented();
        DocumentedStatuses.flagIfUndocumented(new DocumentedStatuses.Observation("DELETE", "/api/tokens/{id}", 204));
        DocumentedStatuses.flagIfUndocumented(new DocumentedStatuses.Observation("DELETE", "/api/tokens/{id}", 418));

        AssertionError failure = assertThrows(AssertionError.class,
                () -> new DocumentedStatusesExtension().afterEach(null));
        assertTrue(failure.getMessage().contains("DELETE /api/tokens/{id} answered 418"), failure.getMessage());
        assertFalse(failure.getMessage().contains("204"), failure.getMessage());
        assertEquals(List.of(), DocumentedStatuses.takeUndocumented(), "reported once");
    }

    @Test
    void leavesAloneARouteATestMountsForItselfButNotAnUndocumentedProductRoute() {
        DocumentedStatuses.takeUndocumented();
        DocumentedStatuses.flagIfUndocumented(new DocumentedStatuses.Observation("GET", "/api/test-only/unannotated", 200));
        DocumentedStatuses.flagIfUndocumented(new DocumentedStatuses.Observation("GET", "/api/not-documented", 200));

        assertEquals(List.of(new DocumentedStatuses.Observation("GET", "/api/not-documented", 200)),
                DocumentedStatuses.takeUndocumented());
    }
}
