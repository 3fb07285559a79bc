package dev.closeout.integrations.tracker;

/** What became of one ticket of a bulk create. */
public sealed interface CreateOutcome {

    /** The ticket exists now. */
    record Created(TicketRef ticket) implements CreateOutcome {
    }

    /** The tracker refused this ticket; the others of the request are unaffected. */
    record Rejected(InvalidFieldsException reason) implements CreateOutcome {
    }
}
