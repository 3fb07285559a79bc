package dev.closeout.jira;

import dev.closeout.integrations.jira.fake.FakeIssue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import dev.closeout.integrations.jira.JiraTrackers;
import dev.closeout.integrations.tracker.CreateOutcome;
import dev.closeout.integrations.tracker.Description;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.NewTicket;
import dev.closeout.integrations.tracker.TicketRef;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JiraTicketCreationTest extends JiraApiTestBase {

    @Inject
    JiraTickets tickets;

    @Inject
    IssueTracker tracker;

    @AfterEach
    void clearFaults() {
        jira.faults().clear();
    }

    @Test
    void importQueuesATicketPerFollowUpInItsOwnTransaction() {
        List<Long> ids = importActions("queue.md", postmortem("Queue outage", 3));

        assertEquals(3, ids.size());
        assertEquals(3, (int) transactions.executeRead(s -> dsl.fetchCount(JIRA_TICKET,
                JIRA_TICKET.STATE.eq("pending"))));
        assertEquals(3, pending());
    }

    @Test
    void aPassCreatesEachTicketWithLabelsPropertyAndLinkBack() {
        List<Long> ids = importActions("create.md", postmortem("Checkout outage", 3));
        jira.resetRequests();

        assertTrue(syncUntilSettled(3) > 0);

        assertOneIssueEach(ids);
        FakeIssue issue = issuesOf(ids.get(0)).get(0);
        assertEquals("OPS", issue.project());
        assertTrue(issue.labels().contains("closeout"));
        assertEquals(ids.get(0).longValue(), issue.properties().get("closeout.action").get("actionId").asLong());
        assertTrue(issue.summary().startsWith("Add a migration check number 1"));
        assertEquals(1, issue.remoteLinks().size());
        assertTrue(issue.remoteLinks().get(0).url().contains("/api/postmortems/"), issue.remoteLinks().toString());
        assertEquals(1, jira.count("createIssues"), "three tickets, one bulk create");

        Map<String, Object> ticket = ticketOf(ids.get(0));
        assertEquals("synced", ticket.get("state"));
        assertEquals(issue.key(), ticket.get("issue_key"));
        assertEquals(issue.id(), ticket.get("issue_id"));
        assertEquals(jira.baseUrl() + "/browse/" + issue.key(), ticket.get("url"));
        List<Map<String, Object>> history = list(getJson("/api/actions/" + ids.get(0) + "/history").get("items"));
        assertTrue(history.stream().anyMatch(e -> "jira_ticket".equals(e.get("field"))
                && issue.key().equals(e.get("new")) && "jira".equals(e.get("actor"))), history.toString());
    }

    @Test
    void aSecondPassCreatesNothing() {
        List<Long> ids = importActions("twice.md", postmortem("Twice outage", 2));
        syncUntilSettled(3);
        jira.resetRequests();

        Map<String, Object> pass = client.retrieve(HttpRequest.POST("/api/integrations/jira/sync", "")
                .bearerAuth(ADMIN), JSON_OBJECT);

        assertEquals(0, ((Number) pass.get("claimed")).intValue());
        assertEquals(0, jira.requests().size());
        assertOneIssueEach(ids);
    }

    @Test
    void aTicketThePostmortemNamesIsLinkedNotDuplicated() {
        TicketRef existing = createdByAPerson("Add a cache hit-rate alert");
        int issues = jira.issueCount();

        List<Long> ids = importActions("named.md", "# Cache outage\n\n## Action items\n\n"
                + "- Add a cache hit-rate alert (" + existing.key() + ")\n");
        syncUntilSettled(3);

        assertEquals(issues, jira.issueCount());
        FakeIssue linked = jira.issue(existing.key()).orElseThrow();
        assertTrue(linked.labels().containsAll(List.of("closeout", JiraSync.actionLabel(ids.get(0)))),
                linked.labels().toString());
        assertEquals(ids.get(0).longValue(), linked.properties().get("closeout.action").get("actionId").asLong());
        assertEquals(1, linked.remoteLinks().size());
        assertEquals(existing.key(), ticketOf(ids.get(0)).get("issue_key"));
    }

    @Test
    void aPersonLinksAnExistingTicketByItsKey() {
        TicketRef existing = createdByAPerson("Rotate the certificates");
        long id = importActions("link-1.md", postmortem("Link outage", 1)).get(0);
        int issues = jira.issueCount();

        Map<String, Object> linked = client.retrieve(HttpRequest.POST("/api/actions/" + id + "/ticket",
                Map.of("key", existing.key())).bearerAuth(ADMIN), JSON_OBJECT);

        assertEquals("synced", linked.get("state"), linked.toString());
        assertEquals(existing.key(), linked.get("issue_key"));
        assertEquals(issues, jira.issueCount());
        assertTrue(jira.issue(existing.key()).orElseThrow().labels().contains(JiraSync.actionLabel(id)));
        syncUntilSettled(3);
        assertEquals(issues, jira.issueCount(), "the queued create became the link");

        long other = importActions("link-2.md", postmortem("Link outage two", 1)).get(0);
        assertProblem(HttpStatus.CONFLICT, "already the ticket of follow-up " + id, () -> client.exchange(
                HttpRequest.POST("/api/actions/" + other + "/ticket", Map.of("key", existing.key())).bearerAuth(ADMIN)));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "OPS-99997", () -> client.exchange(
                HttpRequest.POST("/api/actions/" + other + "/ticket", Map.of("key", "OPS-99997")).bearerAuth(ADMIN)));
        assertProblem(HttpStatus.BAD_REQUEST, "key: must be a Jira issue key", () -> client.exchange(
                HttpRequest.POST("/api/actions/" + other + "/ticket", Map.of("key", "not a key")).bearerAuth(ADMIN)));
    }

    @Test
    void aNamedTicketThatBelongsToAnotherFollowUpIsNotShared() {
        List<Long> first = importActions("taken-1.md", postmortem("Taken outage", 1));
        syncUntilSettled(3);
        String key = issuesOf(first.get(0)).get(0).key();

        List<Long> ids = importActions("taken-2.md", "# Queue outage\n\n## Action items\n\n"
                + "- Add a queue depth alert (" + key + ")\n");
        syncUntilSettled(3);

        Map<String, Object> ticket = ticketOf(ids.get(0));
        assertEquals("failed", ticket.get("state"));
        assertTrue(((String) ticket.get("last_error")).contains("follow-up " + first.get(0)), ticket.toString());
    }

    @Test
    void aNamedTicketThatDoesNotExistFailsWithAPlainReason() {
        List<Long> ids = importActions("missing.md", "# DNS outage\n\n## Action items\n\n"
                + "- Add a resolver health check (OPS-99999)\n");
        syncUntilSettled(3);

        Map<String, Object> ticket = ticketOf(ids.get(0));
        assertEquals("failed", ticket.get("state"));
        assertTrue(((String) ticket.get("last_error")).contains("OPS-99999"), ticket.toString());

        Map<String, Object> created = client.retrieve(HttpRequest.POST("/api/actions/" + ids.get(0) + "/ticket", "{}")
                .bearerAuth(ADMIN), JSON_OBJECT);
        assertEquals("synced", created.get("state"), "asked for, a ticket is created all the same: " + created);
        assertEquals(1, issuesOf(ids.get(0)).size());
    }

    @Test
    void aPermanentRefusalFailsAndIsNotRetriedUntilTheMappingChanges() {
        client.retrieve(HttpRequest.POST("/api/teams", Map.of("key", "payments", "name", "Payments",
                "services", List.of("payments"), "jira_project", "NOSUCH")).bearerAuth(ADMIN), JSON_OBJECT);
        List<Long> ids = importActions("refused.md", "# Payments outage\n\nService: payments\n\n"
                + "## Action items\n\n- Add an index check to the payments deploy\n");
        syncUntilSettled(3);
        Map<String, Object> ticket = ticketOf(ids.get(0));
        assertEquals("failed", ticket.get("state"), ticket.toString());
        assertTrue(((String) ticket.get("last_error")).contains("project"), ticket.toString());

        jira.resetRequests();
        syncUntilSettled(2);
        assertEquals(0, jira.count("createIssues"), "a failed ticket waits for a change");

        client.retrieve(HttpRequest.PATCH("/api/teams/payments", Map.of("jira_project", "OPS")).bearerAuth(ADMIN),
                JSON_OBJECT);
        syncUntilSettled(3);
        assertEquals("synced", ticketOf(ids.get(0)).get("state"));
        assertOneIssueEach(ids);
    }

    private static final String PAYMENTS_TABLE = "# Payments outage\n\nService: payments\n\n## Action Items\n\n"
            + "| Action Item | Owner | Priority | Due |\n|---|---|---|---|\n"
            + "| Add an index check to the payments deploy | dana@example.com | P1 | 2027-02-01 |\n";

    @Test
    void theTeamsMappingShapesTheTicket() {
        jira.project("PAY").components("database").createScreen("project", "issuetype", "summary", "description",
                "labels", "priority", "duedate", "assignee", "components", "customfield_10010");
        client.retrieve(HttpRequest.POST("/api/teams", Map.of("key", "payments", "name", "Payments",
                "services", List.of("payments"), "jira_project", "PAY", "jira_labels", List.of("sre"),
                "jira_components", List.of("database"), "jira_priority_map", Map.of("P1", "High"),
                "jira_custom_fields", Map.of("customfield_10010", Map.of("value", "{{postmortem.title}}"))))
                .bearerAuth(ADMIN), JSON_OBJECT);

        List<Long> ids = importActions("mapped.md", PAYMENTS_TABLE);
        syncUntilSettled(3);

        FakeIssue issue = issuesOf(ids.get(0)).get(0);
        assertEquals("PAY", issue.project());
        assertTrue(issue.labels().containsAll(List.of("closeout", "sre")), issue.labels().toString());
        assertEquals(List.of("database"), issue.components());
        assertEquals("High", issue.priority());
        assertEquals(java.time.LocalDate.of(2027, 2, 1), issue.dueDate());
        assertEquals("Payments outage", issue.customFields().get("customfield_10010").get("value").asText());
    }

    @Test
    void aPriorityJiraDoesNotKnowFailsUntilTheMapIsMended() {
        jira.project("PAY");
        client.retrieve(HttpRequest.POST("/api/teams", Map.of("key", "payments", "name", "Payments",
                "services", List.of("payments"), "jira_project", "PAY", "jira_priority_map", Map.of("P1", "Urgent")))
                .bearerAuth(ADMIN), JSON_OBJECT);
        List<Long> ids = importActions("priority.md", PAYMENTS_TABLE);
        syncUntilSettled(3);
        Map<String, Object> ticket = ticketOf(ids.get(0));
        assertEquals("failed", ticket.get("state"));
        assertTrue(((String) ticket.get("last_error")).contains("priority"), ticket.toString());

        client.retrieve(HttpRequest.PATCH("/api/teams/payments", Map.of("jira_priority_map", Map.of("P1", "High")))
                .bearerAuth(ADMIN), JSON_OBJECT);
        syncUntilSettled(3);

        assertEquals("synced", ticketOf(ids.get(0)).get("state"));
        assertEquals("High", issuesOf(ids.get(0)).get(0).priority());
    }

    @Test
    void anOwnerWithoutAJiraAccountLeavesTheTicketUnassignedWithANote() {
        List<Long> ids = importActions("unassigned.md", PAYMENTS_TABLE);
        syncUntilSettled(3);

        assertEquals(null, issuesOf(ids.get(0)).get(0).assigneeAccountId());
        List<Map<String, Object>> history = list(getJson("/api/actions/" + ids.get(0) + "/history").get("items"));
        assertTrue(history.stream().anyMatch(e -> "jira_assignee".equals(e.get("field"))
                && ((String) e.get("new")).contains("dana@example.com")), history.toString());
    }

    @Test
    void transientFailuresAreRetriedWithTheirErrorVisible() {
        List<Long> ids = importActions("flaky.md", postmortem("Flaky outage", 2));
        jira.faults().failNext("createIssues", 1, 503, 0);
        jira.faults().failNext("createIssues", 1, 503, 0);
        jira.faults().failNext("createIssues", 1, 503, 0);
        jira.faults().failNext("createIssues", 1, 503, 0);
        jira.faults().failNext("createIssues", 1, 503, 0);

        client.retrieve(HttpRequest.POST("/api/integrations/jira/sync", "").bearerAuth(ADMIN), JSON_OBJECT);
        syncUntilSettled(10);

        assertOneIssueEach(ids);
        assertEquals("synced", ticketOf(ids.get(0)).get("state"));
    }

    @Test
    void oneRefusedTicketInABulkCreateLeavesTheOthersCreated() {
        client.retrieve(HttpRequest.POST("/api/teams", Map.of("key", "payments", "name", "Payments",
                "services", List.of("payments"), "jira_project", "NOSUCH")).bearerAuth(ADMIN), JSON_OBJECT);
        long refused = importActions("mixed-1.md", "# Payments outage\n\nService: payments\n\n"
                + "## Action items\n\n- Add an index check to the payments deploy\n").get(0);
        List<Long> created = importActions("mixed-2.md", postmortem("Mixed outage", 3));
        jira.resetRequests();

        syncUntilSettled(3);

        assertEquals(1, jira.count("createIssues"), "one bulk create for all four");
        assertOneIssueEach(created);
        assertEquals("failed", ticketOf(refused).get("state"));
        assertTrue(issuesOf(refused).isEmpty());
    }

    @Test
    void aRateLimitIsWaitedOutAndTheCreateSentAgain() {
        List<Long> ids = importActions("limited.md", postmortem("Limited outage", 2));
        jira.resetRequests();
        jira.faults().failNext("createIssues", 1, 429, 1);

        syncUntilSettled(3);

        assertEquals(2, jira.count("createIssues"), "the 429 and the create after it");
        assertEquals(429, jira.requests().stream().filter(r -> "createIssues".equals(r.operationId()))
                .findFirst().orElseThrow().status());
        assertOneIssueEach(ids);
    }

    @Test
    void lostResponsesNeverMakeDuplicates() {
        List<Long> ids = importActions("lost.md", postmortem("Lost outage", 60));
        jira.lostResponseHold(java.time.Duration.ofMillis(1500));
        jira.faults().loseResponses("createIssues", 1.0, 7);

        client.retrieve(HttpRequest.POST("/api/integrations/jira/sync", "").bearerAuth(ADMIN), JSON_OBJECT);
        jira.faults().clear();
        assertTrue(syncUntilSettled(10) > 0);

        assertOneIssueEach(ids);
        assertEquals(60, jira.issues().stream().filter(i -> ids.stream()
                .anyMatch(id -> i.labels().contains(JiraSync.actionLabel(id)))).count());
    }

    @Test
    void aCrashBetweenJirasAnswerAndTheDatabaseWriteLeavesNoDuplicate() {
        List<Long> ids = importActions("crash.md", postmortem("Crash outage", 2));
        // what a worker leaves when it dies after Jira created the tickets and before it wrote their ids:
        // its rows claimed under a lease and marked uncertain, and the tickets in Jira
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<JiraTicket> claimed = tickets.claim(50, now, Duration.ofMinutes(10));
        tickets.markUncertain(ids, now);
        tracker.createTickets(claimed.stream().map(row -> ticketFor(row.actionId())).toList());
        int issues = jira.issueCount();

        syncUntilSettled(1);
        assertEquals(2, pending(), "the lease holds the rows while the dead worker might still answer");

        // the lease runs out
        transactions.executeWrite(s -> dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, LocalDateTime.of(2000, 1, 1, 0, 0)).execute());
        syncUntilSettled(3);

        assertEquals(issues, jira.issueCount());
        assertOneIssueEach(ids);
        assertEquals(issuesOf(ids.get(1)).get(0).id(), ticketOf(ids.get(1)).get("issue_id"));
    }

    private TicketRef createdByAPerson(String summary) {
        NewTicket ticket = new NewTicket("OPS", "Task", summary, new Description(List.of(summary), null),
                List.of("manual"), null, null, null, List.of(), Map.of(), "notes", 0);
        return ((CreateOutcome.Created) tracker.createTickets(List.of(ticket)).get(0)).ticket();
    }

    private NewTicket ticketFor(long actionId) {
        return new NewTicket("OPS", "Task", "follow-up " + actionId, new Description(List.of("follow-up"), null),
                List.of(JiraSync.LABEL, JiraSync.actionLabel(actionId)), null, null, null, List.of(), Map.of(),
                JiraTrackers.PROPERTY_KEY, actionId);
    }

    @Test
    void statusSumsUpTheTickets() {
        importActions("status.md", postmortem("Status outage", 2));
        Map<String, Object> before = getJson("/api/integrations/jira/status");
        assertEquals(true, before.get("enabled"));
        assertEquals(2, ((Number) before.get("pending")).intValue());
        assertNotNull(before.get("oldest_pending_since"));

        syncUntilSettled(3);

        Map<String, Object> after = getJson("/api/integrations/jira/status");
        assertEquals(0, ((Number) after.get("pending")).intValue());
        assertEquals(2, ((Number) after.get("synced")).intValue());
        assertNotNull(after.get("last_sync_pass"));
    }

    @Test
    void prometheusCountsTicketsByState() {
        importActions("metrics.md", postmortem("Metrics outage", 2));

        String metrics = client.retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN));

        assertTrue(metrics.contains("closeout_jira_tickets{state=\"pending\"}"), metrics);
        assertTrue(metrics.contains("closeout_jira_tickets{state=\"failed\"}"), metrics);
    }

    @Test
    void aFollowUpWithoutATicketSaysHowToGetOne() {
        assertProblem(HttpStatus.NOT_FOUND, "no action with id 999999", () -> ticketOf(999_999));
    }
}
