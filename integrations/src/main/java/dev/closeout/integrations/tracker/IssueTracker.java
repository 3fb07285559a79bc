package dev.closeout.integrations.tracker;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An issue tracker as Closeout sees it: tickets for follow-ups, read back by id, found by label, moved
 * between status categories. Adapters (Jira Cloud, Jira Data Center) translate to their API; nothing of
 * that API's JSON crosses this interface.
 *
 * <p>Every method is one or a few HTTP calls with connect and read time-outs; calls that cannot create
 * anything twice are retried on 429/503 (after {@code Retry-After}) and on connection failures. A create
 * is retried inside the adapter only where Jira did nothing (429, 503, no connection): after a time-out or
 * another 5xx its outcome is unknown ({@link TrackerUnavailableException#outcomeUnknown()}), and only the
 * caller can look for the ticket by its label before trying again.
 *
 * @see TrackerException for the typed failures every method may throw
 */
public interface IssueTracker {

    /** The most tickets {@link #createTickets} takes in one call (Jira's bulk create limit). */
    int MAX_BULK_CREATE = 50;

    /** The account the configured credentials belong to: proves they work. */
    TrackerUser currentUser();

    /**
     * Creates up to {@link #MAX_BULK_CREATE} tickets in one request. The answer has one outcome per
     * ticket, in order: some may be created while others are rejected.
     *
     * @throws InvalidFieldsException when every ticket was rejected for the same reason the request was refused
     * @throws TrackerUnavailableException with {@code outcomeUnknown} when the request may have created tickets
     */
    List<CreateOutcome> createTickets(List<NewTicket> tickets);

    /** The ticket by id or key (a moved ticket answers under its new key); empty when deleted or not visible. */
    Optional<TicketState> ticket(String idOrKey);

    /**
     * Tickets carrying any of these labels (at most {@link #MAX_BULK_CREATE}), whatever their project: how
     * the creates of a batch whose outcome is unknown are found again, in one search.
     */
    List<TicketState> ticketsLabelled(Collection<String> labels);

    /**
     * One page of the tickets labelled {@code label} and updated in the last {@code minutes} minutes, oldest
     * change first; {@code pageToken} null for the first page.
     */
    TicketPage updatedRecently(String label, int minutes, String pageToken);

    /** Adds labels to an existing ticket and stamps the action's id on it (linking a ticket a person made). */
    void claim(String idOrKey, List<String> labels, String propertyKey, long actionId);

    /** Points the ticket back at the postmortem; the same {@link BackLink#globalId()} replaces the earlier link. */
    void linkBack(String idOrKey, BackLink link);

    /** Sets or clears (null) the due date. */
    void setDueDate(String idOrKey, LocalDate due);

    /** Assigns to the user ({@link TrackerUser#id()}) or, with null, unassigns. */
    void assign(String idOrKey, String userId);

    /**
     * Moves the ticket to a status of {@code target}'s category by one of the transitions open to it now.
     * {@code resolution} is sent only when the transition's screen asks for one.
     *
     * @return false when no transition from the ticket's status leads to that category
     */
    boolean moveTo(String idOrKey, StatusCategory target, String resolution);

    /**
     * Closes a second ticket of the same follow-up: links it to the one kept as its duplicate and moves it
     * to done with the resolution Duplicate (when not done already). Safe to repeat.
     */
    void closeAsDuplicate(String duplicateIdOrKey, String keptIdOrKey);

    /** The active user with exactly this e-mail address, when there is exactly one. */
    Optional<TrackerUser> userByEmail(String email);

    /**
     * What stands between this mapping and a working create: the project, the issue type, and every field
     * the mapping sets being on the create screen. Empty when all is well.
     */
    List<String> problemsWith(ProjectMapping mapping);
}
