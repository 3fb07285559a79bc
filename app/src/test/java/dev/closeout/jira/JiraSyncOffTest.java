package dev.closeout.jira;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With the sync off (the default) nothing is queued, and the sync's routes say how to turn it on. */
class JiraSyncOffTest extends ApiTestBase {

    @Test
    void importsQueueNoTicketsAndTheStatusSaysTheSyncIsOff() {
        importJson("off.md", "# Outage\n\n## Action items\n\n- Add an alert for queue depth\n");

        Map<String, Object> status = getJson("/api/integrations/jira/status");

        assertEquals(false, status.get("enabled"));
        assertEquals(0, ((Number) status.get("pending")).intValue());
        assertEquals(List.of(), status.get("failures"));
        assertEquals(0, (int) transactions.executeRead(s -> dsl.fetchCount(JIRA_TICKET)));
    }

    @Test
    void askingForAPassExplainsHowToTurnTheSyncOn() {
        assertProblem(HttpStatus.CONFLICT, "closeout.jira.enabled", () -> client.exchange(
                HttpRequest.POST("/api/integrations/jira/sync", "").bearerAuth(ADMIN), String.class));
    }

    @Test
    void theWebhookIsNotThere() {
        // a stranger (Jira's unsigned delivery) gets 401 as for any /api route no one is allowed: a 404 would
        // tell which routes exist; with a token it is the honest 404
        assertProblem(HttpStatus.UNAUTHORIZED, "", () -> client.exchange(
                HttpRequest.POST("/api/integrations/jira/webhook", "{}"), String.class));
        assertProblem(HttpStatus.NOT_FOUND, "", () -> client.exchange(
                HttpRequest.POST("/api/integrations/jira/webhook", "{}").bearerAuth(ADMIN), String.class));
    }
}
