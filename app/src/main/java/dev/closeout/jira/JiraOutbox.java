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
        if (change.created()) {
            tickets.queue(change.after().id(), now);
        } else if (!JiraSync.ACTOR.equals(change.actor())) {
            tickets.followUpChanged(change.after().id(), jiraSees(change.before(), change.after()), now);
        }
    }

    /** True when the change touches what the ticket carries and is pushed to Jira. */
    private static boolean jiraSees(ActionItem before, ActionItem after) {
        return before.status() != after.status()
                || !Objects.equals(before.dueDate(), after.dueDate())
                || !Objects.equals(before.owner(), after.owner());
    }
}
