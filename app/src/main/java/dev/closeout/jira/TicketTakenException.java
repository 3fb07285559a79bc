package dev.closeout.jira;

/** The ticket a person names is already another follow-up's: one ticket belongs to one follow-up. */
public class TicketTakenException extends RuntimeException {

    public TicketTakenException(String key, long holder) {
        super("ticket " + key + " is already the ticket of follow-up " + holder);
    }
}
