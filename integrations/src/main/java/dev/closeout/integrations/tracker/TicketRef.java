package dev.closeout.integrations.tracker;

/**
 * A ticket's identity: the id never changes, the key does when the ticket moves to another project.
 */
public record TicketRef(String id, String key) {
}
