package dev.closeout.web.page;

import dev.closeout.action.ActionItemResponse;
import dev.closeout.jira.JiraConfiguration;
import dev.closeout.jira.JiraTicket;
import dev.closeout.jira.JiraTickets;
import dev.closeout.report.FollowupRules;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Turns a page of follow-ups into their rows: the tickets' sync states and the postmortems' titles are read for
 * the page's ids in one query each, never row by row. "Overdue" is the API's flag; the days are counted as the
 * reports count them ({@link FollowupRules#daysOverdue(LocalDate, LocalDate)}).
 */
@Singleton
class FollowupRows {

    private final JiraTickets tickets;
    private final JiraConfiguration jira;
    private final Clock clock;

    FollowupRows(JiraTickets tickets, JiraConfiguration jira, Clock clock) {
        this.tickets = tickets;
        this.jira = jira;
        this.clock = clock;
    }

    List<FollowupRow> of(List<ActionItemResponse> items) {
        Map<Long, JiraTicket> synced = tickets.findAll(items.stream().map(ActionItemResponse::id).toList());
        Map<Long, JiraTickets.PostmortemName> postmortems = tickets.postmortemNames(
                items.stream().map(ActionItemResponse::postmortemId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        return items.stream().map(item -> {
            JiraTickets.PostmortemName postmortem = postmortems.get(item.postmortemId());
            Long daysOverdue = item.overdue() && item.due() != null
                    ? FollowupRules.daysOverdue(today, item.due()) : null;
            return new FollowupRow(item, postmortem == null ? null : postmortem.title(), daysOverdue,
                    TicketLink.of(item.ticket(), synced.get(item.id()), jira.baseUrl()),
                    FollowupRow.StatusChoice.from(item.status()));
        }).toList();
    }
}
