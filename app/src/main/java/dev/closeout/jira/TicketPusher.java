package dev.closeout.jira;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionStatus;
import dev.closeout.integrations.tracker.InvalidFieldsException;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.StatusCategory;
import dev.closeout.integrations.tracker.TicketNotFoundException;
import dev.closeout.integrations.tracker.TicketState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends what a person changed in Closeout (status, due date, owner) to the follow-up's ticket: the status
 * by a transition to a status of the matching category, the assignee only when the owner has a Jira account.
 */
@Singleton
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
class TicketPusher {

    private final IssueTracker tracker;
    private final JiraUsers users;

    TicketPusher(IssueTracker tracker, JiraUsers users) {
        this.tracker = tracker;
        this.users = users;
    }

    /**
     * Makes the ticket say what the follow-up says.
     *
     * @return Jira's {@code updated} (epoch milliseconds) of the ticket as this push left it; null when it
     * read back different, as when a person changed it in Jira meanwhile (that change is then applied)
     */
    @Nullable
    Long push(JiraTicket row, ActionItem action, JiraMapping mapping) {
        TicketState ticket = tracker.ticket(row.issueId()).orElseThrow(() -> new TicketNotFoundException(row.issueId()));
        StatusCategory target = categoryOf(action.status());
        boolean wrote = false;
        // done and not_doing share Jira's done category and differ by resolution, which only a transition
        // into done sets: a ticket closed the other way is reopened first
        boolean closedTheOtherWay = ticket.category() == StatusCategory.DONE && target == StatusCategory.DONE
                && (action.status() == ActionStatus.NOT_DOING) != mapping.meansNotDoing(ticket.resolution());
        if (closedTheOtherWay) {
            move(ticket, StatusCategory.TO_DO, null);
        }
        if (ticket.category() != target || closedTheOtherWay) {
            String resolution = action.status() == ActionStatus.NOT_DOING
                    ? mapping.notDoingResolutions().stream().findFirst().orElse("Won't Do")
                    : target == StatusCategory.DONE ? "Done" : null;
            move(ticket, target, resolution);
            wrote = true;
        }
        if (!Objects.equals(ticket.due(), action.dueDate())) {
            tracker.setDueDate(row.issueId(), action.dueDate());
            wrote = true;
        }
        Optional<String> assignee = users.userIdOf(action.owner(), tracker)
                .filter(id -> ticket.assignee() == null || !id.equals(ticket.assignee().id()));
        if (assignee.isPresent()) {
            tracker.assign(row.issueId(), assignee.get());
            wrote = true;
        }
        if (!wrote) {
            return ticket.updated().toEpochMilli();
        }
        TicketState after = tracker.ticket(row.issueId()).orElseThrow(() -> new TicketNotFoundException(row.issueId()));
        boolean asLeft = after.category() == target && Objects.equals(after.due(), action.dueDate())
                && (target != StatusCategory.DONE
                || mapping.meansNotDoing(after.resolution()) == (action.status() == ActionStatus.NOT_DOING));
        return asLeft ? after.updated().toEpochMilli() : null;
    }

    private void move(TicketState ticket, StatusCategory target, String resolution) {
        if (!tracker.moveTo(ticket.ticket().id(), target, resolution)) {
            throw new InvalidFieldsException(400, Map.of(), List.of("no transition of " + ticket.ticket().key()
                    + " from '" + ticket.statusName() + "' leads to a status of category " + target
                    + " for the configured account"));
        }
    }

    static StatusCategory categoryOf(ActionStatus status) {
        return switch (status) {
            case OPEN -> StatusCategory.TO_DO;
            case IN_PROGRESS -> StatusCategory.IN_PROGRESS;
            case DONE, NOT_DOING -> StatusCategory.DONE;
        };
    }
}
