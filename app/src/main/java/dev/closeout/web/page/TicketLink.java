package dev.closeout.web.page;

import dev.closeout.jira.JiraTicket;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;

/**
 * A follow-up's ticket as the pages show it: its key, linked to Jira when the sync knows it and Jira's address is
 * set, and the sync state (pending, synced, failed); or the ticket the postmortem named, not synced; or none.
 *
 * @param key   the issue key the sync last saw, else the ticket the postmortem named (shown as text only)
 * @param url   {@code <closeout.jira.base-url>/browse/<key>}, null when either is unknown
 * @param state the sync state's wire name, null when the follow-up has no row in the sync's queue
 * @param error the sync's last failure in plain words
 */
public record TicketLink(@Nullable String key, @Nullable String url, @Nullable String state,
                         @Nullable String error) {

    static TicketLink of(@Nullable String named, @Nullable JiraTicket synced, @Nullable URI jiraBase) {
        if (synced == null) {
            return new TicketLink(named, null, null, null);
        }
        String key = synced.issueKey();
        String url = jiraBase == null || key == null ? null
                : jiraBase.toString().replaceAll("/+$", "") + "/browse/" + key;
        return new TicketLink(key, url, synced.state().wireName(), synced.lastError());
    }
}
