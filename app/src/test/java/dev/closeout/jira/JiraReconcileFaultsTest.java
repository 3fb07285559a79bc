package dev.closeout.jira;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * "Read back from Jira now" while Jira fails: a Jira that is down is a passing fault, answered 503 so the caller
 * tries again, and a Jira that refuses Closeout's credentials is a 502; neither is a 500, and neither counts as a
 * finished reconciliation, so the next one reads back from the same point.
 */
class JiraReconcileFaultsTest extends JiraApiTestBase {

    @BeforeEach
    void idsHigh() {
        startIdsHigh();
    }

    @AfterEach
    void clearFaults() {
        jira.faults().clear();
    }

    private void reconcile() {
        client.exchange(HttpRequest.POST("/api/integrations/jira/reconcile", "").bearerAuth(ADMIN));
    }

    @Test
    void aJiraThatIsDownIsA503AndTheNextReconciliationStillReadsBack() {
        importActions("reconcile-down.md", postmortem("Reconcile while Jira is down", 2));
        syncUntilSettled(10);
        jira.faults().failNext("*", 1_000, 503, 1);

        assertProblem(HttpStatus.SERVICE_UNAVAILABLE, "Jira", this::reconcile);
        assertNull(getJson("/api/integrations/jira/status").get("last_reconciliation"), "not a finished reconciliation");

        jira.faults().clear();
        Map<String, Object> result = client.retrieve(HttpRequest.POST("/api/integrations/jira/reconcile", "")
                .bearerAuth(ADMIN), JSON_OBJECT);
        assertEquals(2, ((Number) result.get("read")).intValue(), result.toString());
        assertNotNull(getJson("/api/integrations/jira/status").get("last_reconciliation"));
    }

    @Test
    void aJiraThatRefusesTheCredentialsIsA502() {
        jira.faults().failNext("*", 1_000, 401, null);

        assertProblem(HttpStatus.BAD_GATEWAY, "Bad Gateway", this::reconcile);
    }
}
