package dev.closeout.jira;

import dev.closeout.integrations.jira.fake.FakeIssue;
import dev.closeout.integrations.jira.fake.WebhookDelivery;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's change in Closeout is the truth until Jira has it: made before the ticket exists or while a
 * pass works the row, it reaches Jira and nothing read back from Jira undoes it.
 */
class JiraPeopleWinTest extends JiraApiTestBase {

    @Inject
    JiraSync sync;

    @Inject
    EmbeddedServer server;

    @BeforeEach
    void idsHigh() {
        startIdsHigh();
    }

    @AfterEach
    void clearFaults() {
        jira.faults().clear();
    }

    private void move(long actionId, String to) {
        if ("done".equals(to) && "open".equals(status(actionId))) {
            move(actionId, "in_progress");
        }
        Map<String, Object> body = new HashMap<>(Map.of("to", to));
        if ("not_doing".equals(to)) {
            body.put("reason", "superseded by the new queue");
        }
        client.exchange(HttpRequest.POST("/api/actions/" + actionId + "/transitions", body).bearerAuth(ADMIN));
    }

    private String status(long actionId) {
        return (String) getJson("/api/actions/" + actionId).get("status");
    }

    /** What Jira tells Closeout afterwards: every webhook delivered, then a reconciliation. */
    private void jiraReportsBack() {
        URI webhook = URI.create("http://127.0.0.1:" + server.getPort() + "/api/integrations/jira/webhook");
        for (WebhookDelivery delivery : jira.drainWebhooks()) {
            jira.deliver(webhook, WEBHOOK_SECRET, delivery);
        }
        client.retrieve(HttpRequest.POST("/api/integrations/jira/reconcile", "").bearerAuth(ADMIN), JSON_OBJECT);
    }

    private List<Map<String, Object>> statusEventsByJira(long actionId) {
        return list(getJson("/api/actions/" + actionId + "/history").get("items")).stream()
                .filter(e -> "jira".equals(e.get("actor")) && "status".equals(e.get("field"))).toList();
    }

    @Test
    void changesMadeRightAfterImportReachTheNewTicketsAndAreNotUndone() {
        List<Long> ids = importActions("right-after.md", postmortem("Right after outage", 4));
        move(ids.get(0), "done");
        move(ids.get(1), "not_doing");
        move(ids.get(2), "in_progress");

        assertTrue(syncUntilSettled(5) > 0);
        jiraReportsBack();

        assertEquals(List.of("done", "not_doing", "in_progress", "open"), ids.stream().map(this::status).toList());
        FakeIssue done = issuesOf(ids.get(0)).get(0);
        assertEquals("done", done.statusCategoryKey());
        assertEquals("Done", done.resolution());
        FakeIssue dropped = issuesOf(ids.get(1)).get(0);
        assertEquals("done", dropped.statusCategoryKey());
        assertEquals("Won't Do", dropped.resolution());
        assertEquals("indeterminate", issuesOf(ids.get(2)).get(0).statusCategoryKey());
        assertEquals("new", issuesOf(ids.get(3)).get(0).statusCategoryKey());
        for (long id : ids) {
            assertEquals(List.of(), statusEventsByJira(id), "follow-up " + id);
        }
    }

    @Test
    void aChangeMadeWhileAPassCreatesTheTicketReachesIt() throws Exception {
        long id = importActions("during.md", postmortem("During outage", 1)).get(0);
        // the create is slow, so the person's change lands while the pass holds the row
        jira.faults().delay("createIssues", Duration.ofMillis(400));
        CompletableFuture<SyncPassResult> pass = CompletableFuture.supplyAsync(sync::runPass);
        awaitCreateSent(id);
        move(id, "done");
        pass.get();
        jira.faults().clear();

        assertTrue(syncUntilSettled(5) > 0);
        jiraReportsBack();

        assertEquals("done", status(id));
        assertEquals("done", issuesOf(id).get(0).statusCategoryKey());
        assertEquals(List.of(), statusEventsByJira(id));
    }

    @Test
    void aChangeInJiraAfterCloseoutsPushIsApplied() {
        long id = importActions("later.md", postmortem("Later outage", 1)).get(0);
        move(id, "in_progress");
        assertTrue(syncUntilSettled(5) > 0);
        jiraReportsBack();

        jira.personTransitions(issuesOf(id).get(0).key(), "done", null);
        jiraReportsBack();

        assertEquals("done", status(id));
        assertEquals(1, statusEventsByJira(id).size());
    }

    @Test
    void jirasStateWaitsWhileAChangeMadeInCloseoutIsStillToBePushed() {
        long id = importActions("waits.md", postmortem("Waits outage", 1)).get(0);
        assertTrue(syncUntilSettled(5) > 0);
        jira.drainWebhooks();
        // both at once: a person closes the ticket in Jira, another drops the follow-up in Closeout
        jira.personTransitions(issuesOf(id).get(0).key(), "indeterminate", null);
        move(id, "not_doing");

        jiraReportsBack();
        assertEquals("not_doing", status(id), "the change not yet pushed wins");
        assertTrue(syncUntilSettled(5) > 0);
        jiraReportsBack();

        assertEquals("not_doing", status(id));
        assertEquals("Won't Do", issuesOf(id).get(0).resolution());
    }

    /** Waits (up to a minute, whatever the load) until the pass has marked the row's create as sent. */
    private void awaitCreateSent(long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Boolean sent = transactions.executeRead(s -> dsl.select(JIRA_TICKET.CREATE_UNCERTAIN).from(JIRA_TICKET)
                    .where(JIRA_TICKET.ACTION_ID.eq(id)).fetchOne(JIRA_TICKET.CREATE_UNCERTAIN));
            if (Boolean.TRUE.equals(sent)) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new AssertionError("the pass never sent the create");
    }
}
