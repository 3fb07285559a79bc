package dev.closeout.integrations.tracker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A ticket as the tracker has it now.
 *
 * @param ticket      id and current key
 * @param category    its status's category
 * @param statusName  its status as people see it
 * @param resolution  resolution name, or null when unresolved
 * @param assignee    the assignee, or null
 * @param due         due date, or null
 * @param updated     when it last changed
 * @param labels      its labels
 * @param actionId    the follow-up id stamped in its issue property, or null when it has none
 */
public record TicketState(TicketRef ticket, StatusCategory category, String statusName, String resolution,
                          TrackerUser assignee, LocalDate due, Instant updated, List<String> labels,
                          Long actionId) {

    public TicketState {
        labels = List.copyOf(labels);
    }
}
