package dev.closeout.integrations.tracker;

import java.util.List;

/** One page of a search; {@code nextPageToken} is null on the last page. */
public record TicketPage(List<TicketState> tickets, String nextPageToken) {

    public TicketPage {
        tickets = List.copyOf(tickets);
    }

    public boolean isLast() {
        return nextPageToken == null;
    }
}
