package dev.closeout.jira;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A create whose answer was lost is looked for several times over {@code search-settle}, not once at its
 * end: a create Jira finishes late, or a search that lags, is found before a second create goes out.
 */
class JiraSearchSettleTest extends JiraApiTestBase {

    @Inject
    JiraSync sync;

    @Override
    protected Map<String, String> jiraProperties() {
        Map<String, String> properties = super.jiraProperties();
        properties.put("closeout.jira.search-settle", "1h");
        return properties;
    }

    @BeforeEach
    void idsHigh() {
        startIdsHigh();
    }

    @AfterEach
    void calmJira() {
        jira.faults().clear();
        jira.searchLagInSearches(0);
    }

    @Test
    void aLostCreateIsLookedForAgainWithinTheWindowAndLinkedWhenItSurfaces() {
        long id = importActions("settle.md", postmortem("Settle outage", 1)).get(0);
        jira.lostResponseHold(Duration.ofMillis(50));
        jira.searchLagInSearches(2);
        jira.faults().loseResponses("createIssues", 1.0, 7);
        sync.runPass();
        jira.faults().clear();

        // the search right after misses the ticket
        sync.runPass();
        Instant next = Instant.parse((String) ticketOf(id).get("next_attempt_at"));
        assertTrue(next.isBefore(Instant.now().plus(Duration.ofMinutes(16))),
                "looked for again within a quarter of search-settle, not at its end: " + next);

        // a quarter of an hour on, the search misses it once more, and then it surfaces
        for (int pass = 0; pass < 2; pass++) {
            transactions.executeWrite(s -> dsl.update(JIRA_TICKET)
                    .set(JIRA_TICKET.NEXT_ATTEMPT_AT, LocalDateTime.of(2000, 1, 1, 0, 0))
                    .where(JIRA_TICKET.ACTION_ID.eq(id)).execute());
            sync.runPass();
        }

        assertEquals(1, issuesOf(id).size());
        assertEquals(issuesOf(id).get(0).id(), ticketOf(id).get("issue_id"));
        assertEquals(List.of(), jira.issues().stream().filter(i -> i.labels().contains(JiraSync.actionLabel(id)))
                .skip(1).toList());
    }
}
