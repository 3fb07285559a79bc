package dev.closeout.jira;

import dev.closeout.support.ApiTestBase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sync worker's claim walks the queue index in order: a claim that sorted its rows first would lock
 * every pending row it read, and a second worker's SKIP LOCKED would find nothing to take.
 */
class JiraClaimPlanTest extends ApiTestBase {

    @Inject
    JiraTickets tickets;

    @Test
    void theClaimIsServedByTheQueueIndexWithoutASort() {
        LocalDateTime now = LocalDateTime.of(2026, 11, 21, 12, 0);
        transactions.executeWrite(status -> {
            long postmortem = dsl.insertInto(POSTMORTEM)
                    .set(POSTMORTEM.ORIGINAL_TEXT, "x").set(POSTMORTEM.CONTENT_HASH, "0".repeat(64))
                    .set(POSTMORTEM.CREATED_AT, now).set(POSTMORTEM.UPDATED_AT, now)
                    .returningResult(POSTMORTEM.ID).fetchOne().value1();
            for (int i = 0; i < 2000; i++) {
                long action = dsl.insertInto(ACTION_ITEM)
                        .set(ACTION_ITEM.POSTMORTEM_ID, postmortem).set(ACTION_ITEM.POSITION, i)
                        .set(ACTION_ITEM.TEXT, "follow-up " + i).set(ACTION_ITEM.STATUS, "open")
                        .set(ACTION_ITEM.CREATED_AT, now).set(ACTION_ITEM.UPDATED_AT, now)
                        .returningResult(ACTION_ITEM.ID).fetchOne().value1();
                // most tickets are synced, as on a server that has run a while
                dsl.insertInto(JIRA_TICKET).set(JIRA_TICKET.ACTION_ID, action)
                        .set(JIRA_TICKET.STATE, i % 20 == 0 ? "pending" : "synced")
                        .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now.minusMinutes(i % 7))
                        .set(JIRA_TICKET.CREATED_AT, now).set(JIRA_TICKET.UPDATED_AT, now).execute();
            }
            return null;
        });

        // FOR UPDATE needs a transaction that may write
        String plan = transactions.executeWrite(status -> dsl.explain(tickets.claimQuery(50, now, java.util.List.of(1L, 2L))).plan());

        assertTrue(plan.contains("ix_jira_ticket_queue"), plan);
        assertFalse(plan.toLowerCase().contains("filesort"), plan);
    }
}
