package dev.closeout.jira;

import dev.closeout.action.ActionChanged;
import dev.closeout.action.ActionItem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Writes the Jira work a follow-up's creation or change makes, in the transaction of that change: a new
 * follow-up queues its ticket; a change made in Closeout to status, due date or owner is queued for the
 * ticket, and any change gives a failed ticket another try. Changes that came from Jira are not sent back.
 * A dismissed follow-up is out of the sync: its dismissal sets its ticket's work aside (a ticket it has is left
 * as it is), nothing is sent while it stays dismissed, and its restore queues it again as it stands then.
 */
@Singleton
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
class JiraOutbox implements ApplicationEventListener<ActionChanged> {

    private final JiraTickets tickets;
    private final Clock clock;

    JiraOutbox(JiraTickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ActionChanged change) {
        LocalDateTime now = LocalDateTime.now(clock);
        ActionItem after = change.after();
        if (change.created()) {
            tickets.queue(after.id(), now);
        } else if (after.dismissed()) {
            if (!change.before().dismissed()) {
                tickets.setAside(after.id(), now);
            }
        } else if (change.before().dismissed()) {
            // restored: a ticket it has gets what changed meanwhile; one it never had is queued now
            tickets.queue(after.id(), now);
            tickets.followUpChanged(after.id(), true, now);
        } else if (!JiraSync.ACTOR.equals(change.actor())) {
            tickets.followUpChanged(after.id(), jiraSees(change.before(), after), now);
        }
    }

    /** True when the change touches what the ticket carries and is pushed to Jira. */
    private static boolean jiraSees(ActionItem before, ActionItem after) {
        return before.status() != after.status()
                || !Objects.equals(before.dueDate(), after.dueDate())
                || !Objects.equals(before.owner(), after.owner());
    }
}
