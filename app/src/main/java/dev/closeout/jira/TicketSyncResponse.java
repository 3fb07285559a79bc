package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A follow-up's ticket and its sync state as the API shows them.
 *
 * @param actionId      the follow-up
 * @param state         pending, synced or failed
 * @param issueId       Jira's id (stable), null until the ticket exists
 * @param issueKey      Jira's key as last seen
 * @param url           the ticket in Jira's web interface
 * @param attempts      tries since the last success
 * @param lastError     the last failure in plain words
 * @param deletedInJira the ticket was deleted in Jira; nothing recreates it unasked
 * @param lastSyncedAt  when Closeout and Jira last agreed
 * @param nextAttemptAt when the worker takes it next (pending only)
 */
@Serdeable
public record TicketSyncResponse(long actionId, SyncState state, @Nullable String issueId, @Nullable String issueKey,
                                 @Nullable String url, int attempts, @Nullable String lastError, boolean deletedInJira,
                                 @Nullable Instant lastSyncedAt, @Nullable Instant nextAttemptAt) {

    static TicketSyncResponse of(JiraTicket row, @Nullable URI jiraBase) {
        String url = jiraBase == null || row.issueKey() == null ? null
                : jiraBase.toString().replaceAll("/+$", "") + "/browse/" + row.issueKey();
        return new TicketSyncResponse(row.actionId(), row.state(), row.issueId(), row.issueKey(), url, row.attempts(),
                row.lastError(), row.issueDeleted(), utc(row.lastSyncedAt()),
                row.state() == SyncState.PENDING ? utc(row.nextAttemptAt()) : null);
    }

    /** A stored UTC time as the API shows it. */
    @Nullable
    static Instant utc(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
