package dev.closeout.jira;

import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionEventRepository;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItems;
import dev.closeout.action.ActionStatus;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerUser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a follow-up in line with its ticket as Jira has it now: status by the status's category (a done
 * ticket whose resolution means "not doing" is not_doing), assignee as owner, due date. Each change is an
 * event in the follow-up's history by {@code jira}. A state older than the one applied last is ignored,
 * since webhook deliveries come late and out of order; so is any state while a change made in Closeout is
 * still to be pushed (that change is newer, and the push sends it).
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
    private final Clock clock;

    JiraStateApplier(JiraTickets tickets, JiraMappings mappings, JiraUsers users, ActionItems actions,
                     ActionEventRepository events, Clock clock) {
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
        Optional<ActionItem> after = actions.followTracker(row.actionId(),
                action -> action.followTracker(status, reason, owner, state.due(), now), JiraSync.ACTOR);
        if (row.issueKey() != null && !row.issueKey().equals(state.ticket().key())) {
            events.save(new ActionEvent(null, row.actionId(), JiraSync.TICKET_EVENT, row.issueKey(),
                    state.ticket().key(), JiraSync.ACTOR, now));
        }
        tickets.applied(row.actionId(), state.ticket().key(), updated, now);
        return after.isPresent() && !after.get().equals(before.get()) ? Outcome.APPLIED : Outcome.UNCHANGED;
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
