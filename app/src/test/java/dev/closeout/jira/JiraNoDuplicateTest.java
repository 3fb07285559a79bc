package dev.closeout.jira;

import dev.closeout.integrations.jira.JiraTrackers;
import dev.closeout.integrations.jira.fake.FakeIssue;
import dev.closeout.integrations.jira.fake.IssueLink;
import dev.closeout.integrations.tracker.CreateOutcome;
import dev.closeout.integrations.tracker.Description;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.NewTicket;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No follow-up gets a second ticket: not after a lost answer with ids past the boxed-integer cache, not
 * because one broken row stops every pass, not because a pass takes more rows than its claims allow.
 */
class JiraNoDuplicateTest extends JiraApiTestBase {

    @Inject
    JiraSync sync;

    @Inject
    JiraTickets tickets;

    @Inject
    IssueTracker tracker;

    @BeforeEach
    void idsHigh() {
        startIdsHigh();
    }

    @AfterEach
    void clearFaults() {
        jira.faults().clear();
    }

    @Test
    void aTicketWhoseCreateAnswerWasLostIsFoundAgainForIdsPast127() {
        List<Long> ids = importActions("lost-high.md", postmortem("Lost high outage", 3));
        assertTrue(ids.stream().allMatch(id -> id >= 100000), ids.toString());
        jira.lostResponseHold(Duration.ofMillis(1500));
        jira.faults().loseResponses("createIssues", 1.0, 7);

        sync.runPass();
        jira.faults().clear();
        assertTrue(syncUntilSettled(10) > 0);

        assertOneIssueEach(ids);
        for (long id : ids) {
            assertEquals(issuesOf(id).get(0).id(), ticketOf(id).get("issue_id"));
        }
    }

    @Test
    void aRowThatCannotBeWrittenFailsWithItsReasonAndThePassGoesOn() {
        List<Long> ids = importActions("broken.md", postmortem("Broken outage", 2));
        assertTrue(syncUntilSettled(3) > 0);
        long first = ids.get(0);
        long second = ids.get(1);
        String secondsIssue = issuesOf(second).get(0).id();
        // the first row holds the second's ticket, and the second looks for its lost create: linking what it
        // finds breaks uq_jira_ticket_issue
        transactions.executeWrite(s -> {
            dsl.update(JIRA_TICKET).set(JIRA_TICKET.ISSUE_ID, "9" + secondsIssue)
                    .where(JIRA_TICKET.ACTION_ID.eq(second)).execute();
            dsl.update(JIRA_TICKET).set(JIRA_TICKET.ISSUE_ID, secondsIssue)
                    .where(JIRA_TICKET.ACTION_ID.eq(first)).execute();
            dsl.update(JIRA_TICKET).setNull(JIRA_TICKET.ISSUE_ID).set(JIRA_TICKET.CREATE_UNCERTAIN, true)
                    .set(JIRA_TICKET.UNCERTAIN_SINCE, LocalDateTime.of(2000, 1, 1, 0, 0))
                    .set(JIRA_TICKET.STATE, "pending")
                    .set(JIRA_TICKET.NEXT_ATTEMPT_AT, LocalDateTime.of(2000, 1, 1, 0, 0))
                    .where(JIRA_TICKET.ACTION_ID.eq(second)).execute();
            return null;
        });
        List<Long> later = importActions("after-broken.md", postmortem("After broken outage", 3));

        SyncPassResult pass = sync.runPass();

        assertEquals(3, pass.created(), pass.toString());
        assertOneIssueEach(later);
        Map<String, Object> broken = ticketOf(second);
        assertEquals("failed", broken.get("state"));
        assertTrue(String.valueOf(broken.get("last_error")).contains("uq_jira_ticket_issue"), broken.toString());
    }

    @Test
    void aSecondTicketFromALateCreateIsClosedAsADuplicateOfTheOldest() {
        List<Long> ids = importActions("late.md", postmortem("Late outage", 2));
        assertTrue(syncUntilSettled(3) > 0);
        long id = ids.get(0);
        FakeIssue kept = issuesOf(id).get(0);
        // what a create Jira finished after Closeout had created the ticket again leaves behind
        String late = createdLate(id);

        Map<String, Object> result = reconcile();

        assertEquals(1, ((Number) result.get("duplicates_closed")).intValue(), result.toString());
        FakeIssue duplicate = jira.issue(late).orElseThrow();
        assertEquals("done", duplicate.statusCategoryKey());
        assertEquals("Duplicate", duplicate.resolution());
        assertEquals(List.of(new IssueLink("Duplicate", duplicate.id(), kept.id())), duplicate.issueLinks());
        assertEquals("new", jira.issue(kept.id()).orElseThrow().statusCategoryKey());
        assertEquals(kept.id(), ticketOf(id).get("issue_id"));
        assertTrue(list(getJson("/api/actions/" + id + "/history").get("items")).stream()
                .anyMatch(e -> "jira_duplicate".equals(e.get("field")) && duplicate.key().equals(e.get("old"))
                        && kept.key().equals(e.get("new")) && "jira".equals(e.get("actor"))));
        String metrics = client.retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN));
        assertTrue(metrics.contains("closeout_jira_duplicates_closed_total"), metrics);
        assertEquals(0, ((Number) reconcile().get("duplicates_closed")).intValue(), "closed once");
        assertOneIssueEach(List.of(ids.get(1)));
    }

    @Test
    void theOldestTicketIsKeptEvenWhenTheFollowUpHasTheNewerOne() {
        long id = importActions("older.md", postmortem("Older outage", 1)).get(0);
        // Jira finished a create late, after the sync had already given up on it and made another
        String older = createdLate(id);
        assertTrue(syncUntilSettled(3) > 0);
        String newer = issuesOf(id).stream().map(FakeIssue::id).filter(i -> !i.equals(older)).findFirst().orElseThrow();
        assertEquals(newer, ticketOf(id).get("issue_id"));

        reconcile();
        assertTrue(syncUntilSettled(3) > 0);

        assertEquals(older, ticketOf(id).get("issue_id"));
        assertEquals("Duplicate", jira.issue(newer).orElseThrow().resolution());
        assertEquals(1, jira.issue(older).orElseThrow().remoteLinks().size(), "the kept ticket links back");
    }

    private Map<String, Object> reconcile() {
        return client.retrieve(HttpRequest.POST("/api/integrations/jira/reconcile", "").bearerAuth(ADMIN),
                JSON_OBJECT);
    }

    /** A ticket for the follow-up as Closeout's create makes it, made behind the sync's back. */
    private String createdLate(long actionId) {
        NewTicket ticket = new NewTicket("OPS", "Task", "follow-up " + actionId,
                new Description(List.of("follow-up"), null), List.of(JiraSync.LABEL, JiraSync.actionLabel(actionId)),
                null, null, null, List.of(), Map.of(), JiraTrackers.PROPERTY_KEY, actionId);
        return ((CreateOutcome.Created) tracker.createTickets(List.of(ticket)).get(0)).ticket().id();
    }

    @Test
    void aClaimTakesAtMostItsLimit() {
        importActions("many.md", postmortem("Many outage", 120));

        List<JiraTicket> claimed = tickets.claim(50, LocalDateTime.now(ZoneOffset.UTC), Duration.ofMinutes(5));

        assertEquals(50, claimed.size());
    }

    @Test
    void aPassTakesEachDueRowOnceWhileJiraIsDown() {
        importActions("down.md", postmortem("Down outage", 120));
        jira.faults().failFraction("*", 1.0, 500, 1);

        SyncPassResult pass = sync.runPass();

        // retried rows are due again at once (retry-delay 0s here), yet wait for the next pass
        assertEquals(120, pass.claimed(), pass.toString());
        assertEquals(120, pending());
    }
}
