package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/integrations/jira/status}: is the sync on, how many tickets stand where, and the latest
 * failures to look at.
 *
 * @param enabled               closeout.jira.enabled
 * @param flavour               cloud or data-center
 * @param baseUrl               the Jira site
 * @param pending               tickets with work queued
 * @param synced                tickets in step
 * @param failed                tickets failed for good until the configuration or the follow-up changes
 * @param oldestPendingSince    when the longest-waiting pending ticket was queued
 * @param lastSyncPass          when the last pass of the sync worker finished (any instance)
 * @param lastReconciliation    when the last reconciliation finished (any instance)
 * @param failures              the most recent failed or retrying tickets, newest first
 */
@Serdeable
public record JiraStatusResponse(boolean enabled, @Nullable String flavour, @Nullable String baseUrl, int pending,
                                 int synced, int failed, @Nullable Instant oldestPendingSince,
                                 @Nullable Instant lastSyncPass, @Nullable Instant lastReconciliation,
                                 List<TicketSyncResponse> failures) {
}
