package dev.closeout.web.page;

import dev.closeout.action.ActionItemResponse;
import dev.closeout.action.ActionStatus;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A follow-up as its row of {@code /follow-ups} and its own page show it: the API's view of it, its postmortem's
 * title, how many days overdue it is (null when it is not), its ticket and the statuses a person may move it to.
 */
public record FollowupRow(ActionItemResponse item, @Nullable String postmortemTitle, @Nullable Long daysOverdue,
                   TicketLink ticket, List<StatusChoice> moves) {

    /** A status as a person reads it: "in progress" rather than in_progress. */
    static String label(ActionStatus status) {
        return status.wireName().replace('_', ' ');
    }

    public String status() {
        return label(item.status());
    }

    public String overdueText() {
        return daysOverdue == null ? "" : daysOverdue + (daysOverdue == 1 ? " day overdue" : " days overdue");
    }

    /** A status to move to, by its wire name and as a person reads it. */
    public record StatusChoice(String value, String label) {

        static List<StatusChoice> from(ActionStatus status) {
            return status.allowedMoves().stream().map(to -> new StatusChoice(to.wireName(), FollowupRow.label(to))).toList();
        }

        /** Every status, for the filter. */
        static List<StatusChoice> all() {
            return List.of(ActionStatus.values()).stream()
                    .map(status -> new StatusChoice(status.wireName(), FollowupRow.label(status))).toList();
        }
    }
}
