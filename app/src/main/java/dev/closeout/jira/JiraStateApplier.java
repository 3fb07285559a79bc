package dev.closeout.jira;

import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionEventRepository;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItems;
import dev.closeout.action.ActionStatus;
import dev.closeout.action.StaleActionException;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerUser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a follow-up in line with its ticket as Jira has it now: status by the status's category (a done
 * ticket whose resolution means "not doing" is not_doing), assignee as owner, due date. Each change is an
 * event in the follow-up's history by {@code jira}.
 *
 * <p>A person's change in Closeout is the truth until Jira has it: a state is applied only when the ticket
 * changed after what was last applied or pushed ({@code jira_updated_ms}: webhook deliveries come late and
 * out of order, and the echo of Closeout's own push says nothing new) and no change made in Closeout waits
 * to be pushed. That last check is made again, on the locked row, in the transaction that writes the
 * follow-up, so a change a person makes while Jira's state is being applied is never written over.
 */
@Singleton
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
public class JiraStateApplier {

    /** What applying a ticket's state did. */
    public enum Outcome {
        /** The follow-up changed. */
        APPLIED,
        /** It already said what the ticket says. */
        UNCHANGED,
        /** Older than what was applied before, or a change of Closeout's is waiting to be pushed. */
        STALE,
        /** No follow-up has this ticket. */
        UNKNOWN_TICKET
    }

    private final JiraTickets tickets;
    private final JiraMappings mappings;
    private final JiraUsers users;
    private final ActionItems actions;
    private final ActionEventRepository events;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    JiraStateApplier(JiraTickets tickets, JiraMappings mappings, JiraUsers users, ActionItems actions,
                     ActionEventRepository events, TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.mappings = mappings;
        this.users = users;
        this.actions = actions;
        this.events = events;
        this.clock = clock;
    }

    public Outcome apply(TicketState state) {
        Optional<JiraTicket> found = tickets.findByIssueId(state.ticket().id());
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_TICKET;
        }
        JiraTicket row = found.get();
        long updated = state.updated().toEpochMilli();
        if (row.pushPending() || row.jiraUpdatedMs() != null && updated <= row.jiraUpdatedMs()) {
            return Outcome.STALE;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<ActionItem> before = actions.findForTracker(row.actionId());
        if (before.isEmpty()) {
            return Outcome.UNKNOWN_TICKET;
        }
        JiraMapping mapping = mappings.forTeam(before.get().teamId());
        ActionStatus status = statusOf(state, mapping);
        String reason = status == ActionStatus.NOT_DOING ? "resolved in Jira as " + state.resolution() : null;
        String owner = ownerOf(state.assignee(), before.get().owner());
        try {
            return transactions.executeWrite(tx -> {
                Optional<ActionItem> after = actions.followTracker(row.actionId(),
                        action -> action.followTracker(status, reason, owner, state.due(), now), JiraSync.ACTOR);
                if (tickets.localChangeWaits(row.actionId(), row.localChanges())) {
                    throw new LocalChangeWaits();
                }
                if (row.issueKey() != null && !row.issueKey().equals(state.ticket().key())) {
                    events.save(new ActionEvent(null, row.actionId(), JiraSync.TICKET_EVENT, row.issueKey(),
                            state.ticket().key(), JiraSync.ACTOR, now));
                }
                tickets.applied(row.actionId(), state.ticket().key(), updated, now);
                return after.isPresent() && !after.get().equals(before.get()) ? Outcome.APPLIED : Outcome.UNCHANGED;
            });
        } catch (LocalChangeWaits | StaleActionException e) {
            // a person changed the follow-up meanwhile: theirs is newer, and the next push sends it
            return Outcome.STALE;
        }
    }

    /** Rolls back what was applied: a change made in Closeout came in while it was applied. */
    private static final class LocalChangeWaits extends RuntimeException {
        private LocalChangeWaits() {
            super("a change made in Closeout waits to be pushed", null, false, false);
        }
    }

    /** Null leaves the status: an undefined category says nothing. */
    @Nullable
    private static ActionStatus statusOf(TicketState state, JiraMapping mapping) {
        return switch (state.category()) {
            case TO_DO -> ActionStatus.OPEN;
            case IN_PROGRESS -> ActionStatus.IN_PROGRESS;
            case DONE -> mapping.meansNotDoing(state.resolution()) ? ActionStatus.NOT_DOING : ActionStatus.DONE;
            case UNDEFINED -> null;
        };
    }

    /**
     * The owner for the ticket's assignee; null leaves the owner, as when nobody is assigned (an owner
     * without a Jira account is kept) or the assignee is the owner already.
     */
    @Nullable
    private String ownerOf(@Nullable TrackerUser assignee, @Nullable String current) {
        if (assignee == null) {
            return null;
        }
        String owner = users.ownerOf(assignee);
        return current != null && current.strip().equalsIgnoreCase(owner) || Objects.equals(owner, current)
                ? null : owner;
    }
}
