package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;

/**
 * A follow-up's ticket in Jira and the work still to do on it (table {@code jira_ticket}). Times are UTC.
 *
 * @param actionId        the follow-up
 * @param state           pending, synced or failed
 * @param issueId         Jira's id, which survives moves; null until the ticket exists
 * @param issueKey        Jira's key as last seen
 * @param attempts        tries since the last success
 * @param lastError       the last failure in plain words
 * @param createUncertain a create went out and its outcome is unknown: look for it before creating again
 * @param uncertainSince  when that create went out
 * @param nextAttemptAt   when a worker may take the row next
 * @param pushPending     a change made in Closeout is still to be sent to Jira
 * @param linkPending     the remote link back to the postmortem is still to be made
 * @param issueDeleted    the ticket is gone from Jira; it is not recreated unless a person asks
 * @param configHash      the mapping's fingerprint when the row failed
 * @param jiraUpdatedMs   Jira's {@code updated} (epoch milliseconds) of the last state applied to the follow-up
 * @param lastSyncedAt    when Closeout and Jira last agreed
 * @param localChanges    how many changes made in Closeout were queued for the ticket, ever
 */
public record JiraTicket(long actionId, SyncState state, @Nullable String issueId, @Nullable String issueKey,
                         int attempts, @Nullable String lastError, boolean createUncertain,
                         @Nullable LocalDateTime uncertainSince, LocalDateTime nextAttemptAt, boolean pushPending,
                         boolean linkPending, boolean issueDeleted, @Nullable String configHash, @Nullable Long jiraUpdatedMs,
                         @Nullable LocalDateTime lastSyncedAt, int localChanges) {

    /** True once a ticket is known for the follow-up. */
    public boolean hasIssue() {
        return issueId != null;
    }
}
