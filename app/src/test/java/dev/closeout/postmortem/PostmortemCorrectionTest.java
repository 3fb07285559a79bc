package dev.closeout.postmortem;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Corpus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PATCH /api/postmortems/{id}}: a person corrects what the extraction got wrong. */
class PostmortemCorrectionTest extends ApiTestBase {

    Object id;

    @BeforeEach
    void importOne() {
        id = importJson("wiki/exapp", Corpus.read(Corpus.SEED_LB_ROUTING)).body().get("id");
    }

    @Test
    void correctsTheFactsSentAndLeavesTheOthers() {
        Map<String, Object> body = patch(Map.of(
                "title", "ExApp API outage",
                "incident", Map.of("start", "2024-08-17T05:20:00+02:00", "end", "2024-08-17T08:00:00+02:00"),
                "impact_percent", 62.5,
                "root_cause", Map.of("component", "network", "trigger", "human-error")), ADMIN).body();

        assertEquals("ExApp API outage", body.get("title"));
        assertEquals("ExApp", body.get("service"));
        Map<String, Object> incident = map(body.get("incident"));
        assertEquals("2024-08-17T03:20:00Z", incident.get("start"), "the same instant, shown in the incident's zone");
        assertEquals("2024-08-17T06:00:00Z", incident.get("end"));
        assertEquals(160, incident.get("duration_minutes"), "follows the corrected times");
        assertEquals(62.5, ((Number) body.get("impact_percent")).doubleValue());
        Map<String, Object> rootCause = map(body.get("root_cause"));
        assertEquals("network", rootCause.get("component"));
        assertEquals("human-error", rootCause.get("trigger"));
        assertTrue(((String) rootCause.get("summary")).contains("load balancer"));
        assertEquals(List.of("title", "incident.start", "incident.end", "incident.duration_minutes",
                "impact_percent", "root_cause.component", "root_cause.trigger"), body.get("corrected_fields"));
        assertEquals(7, list(body.get("actions")).size());
        assertEquals(body.get("title"), getJson("/api/postmortems/" + id).get("title"));
    }

    @Test
    void nullClearsAFactAndALocalTimeIsTakenInTheIncidentsZone() {
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("service", null);
        cleared.put("incident", Map.of("zone", "+02:00", "start", "2024-08-17T05:00:00"));

        Map<String, Object> body = patch(cleared, ADMIN).body();

        assertNull(body.get("service"));
        Map<String, Object> incident = map(body.get("incident"));
        assertEquals("+02:00", incident.get("zone"));
        assertEquals("2024-08-17T05:00:00+02:00", incident.get("start"));
        assertEquals("2024-08-17T08:00:00+02:00", incident.get("end"), "the same instant as before, shown in +02:00");
    }

    @Test
    void rejectsEachBadFieldNamingItAndWritesNothing() {
        Map<String, Object> before = getJson("/api/postmortems/" + id);

        String component = assertProblem(HttpStatus.BAD_REQUEST, "root_cause.component",
                () -> patch(Map.of("root_cause", Map.of("component", "mainframe")), ADMIN));
        assertTrue(component.contains("load-balancer") && component.contains("deploy-pipeline"), component);
        assertProblem(HttpStatus.BAD_REQUEST, "root_cause.trigger",
                () -> patch(Map.of("root_cause", Map.of("trigger", "gremlins")), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "impact_percent", () -> patch(Map.of("impact_percent", 150), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "incident.start",
                () -> patch(Map.of("incident", Map.of("start", "yesterday")), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "incident.end: before incident.start",
                () -> patch(Map.of("title", "x", "incident", Map.of("end", "2024-08-16T00:00:00Z")), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "incident.zone",
                () -> patch(Map.of("incident", Map.of("zone", "Mars/Olympus")), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "incident.duration_minutes",
                () -> patch(Map.of("incident", Map.of("duration_minutes", -5)), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "title", () -> patch(Map.of("title", 42), ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "owner: not a field to correct",
                () -> patch(Map.of("owner", "alice"), ADMIN));

        assertEquals(before, getJson("/api/postmortems/" + id));
    }

    @Test
    void answersNotFoundForAMissingPostmortem() {
        assertProblem(HttpStatus.NOT_FOUND, "no postmortem with id 424242", () -> exchange(
                HttpRequest.PATCH("/api/postmortems/424242", Map.of("title", "x")).bearerAuth(ADMIN)));
    }

    @Test
    void needsATokenAndAnEditor() {
        String reader = token("dashboard", "reader");

        assertProblem(HttpStatus.UNAUTHORIZED, "401",
                () -> exchange(HttpRequest.PATCH("/api/postmortems/" + id, Map.of("title", "x"))));
        assertProblem(HttpStatus.FORBIDDEN, "403", () -> patch(Map.of("title", "x"), reader));
        assertEquals("Postmortem: Service Outage on ExApp", getJson("/api/postmortems/" + id).get("title"));
        assertEquals(HttpStatus.OK, patch(Map.of("title", "x"), token("importer", "editor")).getStatus());
    }

    private HttpResponse<Map<String, Object>> patch(Map<String, Object> body, String token) {
        return exchange(HttpRequest.PATCH("/api/postmortems/" + id, body).bearerAuth(token));
    }
}
