package dev.closeout.jira;

import dev.closeout.integrations.jira.fake.FakeIssue;
import dev.closeout.integrations.jira.fake.WebhookDelivery;
import dev.closeout.integrations.tracker.StatusCategory;
import dev.closeout.integrations.tracker.TicketRef;
import dev.closeout.integrations.tracker.TicketState;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JiraStatusBackTest extends JiraApiTestBase {

    @Inject
    EmbeddedServer server;

    @Inject
    JiraStateApplier applier;

    private long actionId;
    private String key;

    @BeforeEach
    void oneSyncedFollowUp() {
        actionId = importActions("status-back.md", postmortem("Status outage", 1)).get(0);
        syncUntilSettled(3);
        key = issuesOf(actionId).get(0).key();
        // the fake echoes Closeout's own writes; start each test from what a person does
        jira.drainWebhooks();
    }

    private URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/api/integrations/jira/webhook");
    }

    private Map<String, Object> action() {
        return getJson("/api/actions/" + actionId);
    }

    private List<Map<String, Object>> jiraEvents() {
        return list(getJson("/api/actions/" + actionId + "/history").get("items")).stream()
                .filter(e -> "jira".equals(e.get("actor"))).toList();
    }

    private int deliverAll(String secret) {
        int last = 0;
        for (WebhookDelivery delivery : jira.drainWebhooks()) {
            last = jira.deliver(webhookUrl(), secret, delivery);
        }
        return last;
    }

    @Test
    void aDeliveryWithABadSignatureIsRefusedAndChangesNothing() {
        jira.personTransitions(key, "done", null);
        List<WebhookDelivery> deliveries = jira.drainWebhooks();

        assertEquals(401, jira.deliver(webhookUrl(), "not-the-secret", deliveries.get(0)));
        assertEquals(401, jira.deliver(webhookUrl(), null, deliveries.get(0)));

        assertEquals("open", action().get("status"));
        assertTrue(jiraEvents().stream().noneMatch(e -> "status".equals(e.get("field"))));
    }

    @Test
    void aDeliveryBringsJirasStatusBackAsAnEventByJira() {
        jira.personTransitions(key, "done", null);

        assertEquals(200, deliverAll(WEBHOOK_SECRET));

        assertEquals("done", action().get("status"));
        assertTrue(jiraEvents().stream().anyMatch(e -> "status".equals(e.get("field")) && "done".equals(e.get("new"))),
                jiraEvents().toString());
    }

    @Test
    void duplicateAndOutOfOrderDeliveriesEndInJirasLatestState() {
        jira.personTransitions(key, "indeterminate", null);
        jira.personTransitions(key, "done", "Won't Do");
        List<WebhookDelivery> deliveries = jira.drainWebhooks();
        WebhookDelivery first = deliveries.get(0);
        WebhookDelivery last = deliveries.get(deliveries.size() - 1);

        assertEquals(200, jira.deliver(webhookUrl(), WEBHOOK_SECRET, last));
        assertEquals(200, jira.deliver(webhookUrl(), WEBHOOK_SECRET, first));
        assertEquals(200, jira.redeliver(webhookUrl(), WEBHOOK_SECRET, last, 1));

        Map<String, Object> action = action();
        assertEquals("not_doing", action.get("status"));
        assertTrue(((String) action.get("status_reason")).contains("Won't Do"), action.toString());
        assertEquals(1, jiraEvents().stream().filter(e -> "status".equals(e.get("field"))).count(),
                jiraEvents().toString());
    }

    @Test
    void anOlderStateReadLateNeverOverwritesANewerOne() {
        FakeIssue issue = jira.issue(key).orElseThrow();
        TicketRef ref = new TicketRef(issue.id(), issue.key());
        Instant now = Instant.now();
        TicketState newer = new TicketState(ref, StatusCategory.DONE, "Done", "Done", null, null, now, List.of(),
                actionId);
        TicketState older = new TicketState(ref, StatusCategory.IN_PROGRESS, "In Progress", null, null, null,
                now.minusMillis(1), List.of(), actionId);

        assertEquals(JiraStateApplier.Outcome.APPLIED, applier.apply(newer));
        assertEquals(JiraStateApplier.Outcome.STALE, applier.apply(older));

        assertEquals("done", action().get("status"));
    }

    @Test
    void reconciliationCatchesAChangeWhoseWebhookNeverCame() {
        jira.personTransitions(key, "indeterminate", null);
        jira.personSetsDue(key, LocalDate.of(2027, 3, 1));
        jira.drainWebhooks();

        Map<String, Object> result = client.retrieve(HttpRequest.POST("/api/integrations/jira/reconcile", "")
                .bearerAuth(ADMIN), JSON_OBJECT);

        assertEquals(1, ((Number) result.get("applied")).intValue(), result.toString());
        Map<String, Object> action = action();
        assertEquals("in_progress", action.get("status"));
        assertEquals("2027-03-01", action.get("due"));
    }

    @Test
    void theAssigneeComesBackAsTheOwner() {
        jira.user("557058:bob", "Bob Builder", "bob@example.com");
        jira.personAssigns(key, "557058:bob");

        deliverAll(WEBHOOK_SECRET);

        assertEquals("bob@example.com", action().get("owner"));
    }

    @Test
    void changesMadeInCloseoutArePushedAndTheirEchoChangesNothing() {
        Map<String, Object> before = action();
        client.exchange(HttpRequest.PATCH("/api/actions/" + actionId, Map.of("due", "2027-01-15"))
                .header(HttpHeaders.IF_MATCH, "\"" + actionId + "-" + before.get("version") + "\"").bearerAuth(ADMIN));
        client.exchange(HttpRequest.POST("/api/actions/" + actionId + "/transitions", Map.of("to", "in_progress"))
                .bearerAuth(ADMIN));

        syncUntilSettled(3);

        FakeIssue issue = jira.issue(key).orElseThrow();
        assertEquals(LocalDate.of(2027, 1, 15), issue.dueDate());
        assertEquals("indeterminate", issue.statusCategoryKey());
        int events = jiraEvents().size();
        deliverAll(WEBHOOK_SECRET);
        assertEquals(events, jiraEvents().size(), "Jira's echo of Closeout's own change is not a change");
        assertEquals("in_progress", action().get("status"));
    }

    @Test
    void aFollowUpDroppedAfterItsTicketWasDoneReopensAndClosesTheTicketAsWontDo() {
        jira.personTransitions(key, "done", "Done");
        deliverAll(WEBHOOK_SECRET);
        assertEquals("done", action().get("status"));

        client.exchange(HttpRequest.POST("/api/actions/" + actionId + "/transitions", Map.of("to", "open"))
                .bearerAuth(ADMIN));
        client.exchange(HttpRequest.POST("/api/actions/" + actionId + "/transitions",
                Map.of("to", "not_doing", "reason", "superseded by the new load balancer")).bearerAuth(ADMIN));
        syncUntilSettled(3);

        FakeIssue issue = jira.issue(key).orElseThrow();
        assertEquals("done", issue.statusCategoryKey());
        assertEquals("Won't Do", issue.resolution());
        deliverAll(WEBHOOK_SECRET);
        assertEquals("not_doing", action().get("status"));
    }

    @Test
    void aTicketDeletedInJiraFlagsTheFollowUpAndIsNotRecreated() {
        jira.deleteIssue(key);
        deliverAll(WEBHOOK_SECRET);

        Map<String, Object> ticket = ticketOf(actionId);
        assertEquals("failed", ticket.get("state"));
        assertEquals(true, ticket.get("deleted_in_jira"));
        assertTrue(((String) ticket.get("last_error")).contains("deleted in Jira"), ticket.toString());

        client.exchange(HttpRequest.POST("/api/actions/" + actionId + "/transitions", Map.of("to", "in_progress"))
                .bearerAuth(ADMIN));
        syncUntilSettled(2);
        assertTrue(issuesOf(actionId).isEmpty(), "nothing recreates a deleted ticket unasked");
    }

    @Test
    void aPersonMayAskForANewTicketOrLinkAnother() {
        jira.deleteIssue(key);
        deliverAll(WEBHOOK_SECRET);

        Map<String, Object> created = client.retrieve(HttpRequest.POST("/api/actions/" + actionId + "/ticket", "{}")
                .bearerAuth(ADMIN), JSON_OBJECT);
        assertEquals("synced", created.get("state"), created.toString());
        assertEquals(1, issuesOf(actionId).size());
    }

    @Test
    void aMovedTicketKeepsItsLinkUnderTheNewKey() {
        jira.project("NEW");
        jira.moveIssue(key, "NEW");
        deliverAll(WEBHOOK_SECRET);

        String newKey = jira.issue(key).orElseThrow().key();
        assertTrue(newKey.startsWith("NEW-"), newKey);
        assertEquals(newKey, ticketOf(actionId).get("issue_key"));
        assertTrue(jiraEvents().stream().anyMatch(e -> "jira_ticket".equals(e.get("field"))
                && newKey.equals(e.get("new"))), jiraEvents().toString());
    }

    @Test
    void anUnsignedWebhookIsNotEvenParsed() {
        assertEquals(401, rawDelivery("{not json", null));
        assertNull(ticketOf(actionId).get("last_error"));
    }

    private int rawDelivery(String body, String signature) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(webhookUrl())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (signature != null) {
                request.header("X-Hub-Signature", signature);
            }
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
