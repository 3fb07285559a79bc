package dev.closeout.report;

import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionStatus;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One follow-up's life as the backlog history counts it, replayed from its events: from each day on, was it
 * active at the end of the day, and what was its due date then. The created event gives the first status;
 * status events move it (a reopened follow-up is active again from that day); removed_from_source and dismissed
 * events take it out of the backlog and put it back; due events move its due date, the first one's old value being the
 * date it was created with. The team is the follow-up's current one. Several events on one day leave the
 * state the last one made: the counts are at the end of each day. Creations, closings and reopenings are
 * counted on the day they happened, by the rules of {@link FollowupRules}.
 */
final class FollowupTimeline {

    static final String STATUS = "status";
    static final String REMOVED = "removed_from_source";
    static final String DUE = "due";
    /** The events the history reads; every other field leaves the counts alone. */
    static final List<String> FIELDS = List.of(ActionEvent.CREATED, STATUS, REMOVED, ActionEvent.DISMISSED, DUE);

    private FollowupTimeline() {
    }

    /** What the follow-up's row holds now; {@code creationDay} is its creation's epoch day in the reports' zone. */
    record Current(long team, @Nullable LocalDate due, String status, boolean removed, boolean dismissed,
                   long creationDay) {

        boolean active() {
            return FollowupTimeline.active(status, removed, dismissed);
        }
    }

    /** One event of the follow-up (its id orders them), on epoch day {@code day} of the reports' calendar. */
    record Event(long id, String field, @Nullable String oldValue, @Nullable String newValue, long day) {
    }

    /**
     * Adds one for every day from epoch day {@code from} on that the follow-up ended active, and
     * that it ended overdue (active and due before that day), to {@code tally}, and its creation, closings and
     * reopenings from that day on. {@code events} are in the order they happened (by id).
     */
    static void replay(Current now, List<Event> events, BacklogTally tally, long from) {
        Event created = events.isEmpty() || !ActionEvent.CREATED.equals(events.get(0).field()) ? null : events.get(0);
        String status = created != null && created.newValue() != null ? created.newValue()
                : firstOld(events, STATUS, now.status());
        boolean removed = Boolean.parseBoolean(firstOld(events, REMOVED, Boolean.toString(now.removed())));
        boolean dismissed = Boolean.parseBoolean(firstOld(events, ActionEvent.DISMISSED,
                Boolean.toString(now.dismissed())));
        LocalDate due = events.stream().anyMatch(e -> DUE.equals(e.field()))
                ? date(firstOld(events, DUE, null)) : now.due();
        long since = created != null ? created.day() : now.creationDay();
        if (created != null && created.day() >= from) {
            tally.add(now.team(), BacklogTally.Change.CREATED, created.day());
        }
        for (Event event : events.subList(created == null ? 0 : 1, events.size())) {
            if (STATUS.equals(event.field()) && event.day() >= from) {
                count(now.team(), event, tally);
            }
            if (event.day() > since) {
                add(now.team(), since, event.day(), active(status, removed, dismissed), due, tally, from, 1);
                since = event.day();
            }
            switch (event.field()) {
                case STATUS -> status = event.newValue();
                case REMOVED -> removed = Boolean.parseBoolean(event.newValue());
                case ActionEvent.DISMISSED -> dismissed = Boolean.parseBoolean(event.newValue());
                case DUE -> due = date(event.newValue());
                default -> {
                    // another field: no change to the backlog
                }
            }
        }
        add(now.team(), since, Long.MAX_VALUE, active(status, removed, dismissed), due, tally, from, 1);
    }

    private static void count(long team, Event status, BacklogTally tally) {
        if (FollowupRules.isClosing(status.oldValue(), status.newValue())) {
            tally.add(team, ActionStatus.DONE.wireName().equals(status.newValue()) ? BacklogTally.Change.DONE
                    : BacklogTally.Change.NOT_DOING, status.day());
        } else if (FollowupRules.isReopening(status.oldValue(), status.newValue())) {
            tally.add(team, BacklogTally.Change.REOPENED, status.day());
        }
    }

    /** Adds {@code weight} for every day from {@code from} on as the follow-up stands now, as if it never changed. */
    static void asNow(Current now, BacklogTally tally, long from, int weight) {
        add(now.team(), from, Long.MAX_VALUE, now.active(), now.due(), tally, from, weight);
    }

    private static boolean active(@Nullable String status, boolean removed, boolean dismissed) {
        return status != null && !removed && !dismissed && FollowupRules.isActive(status);
    }

    private static void add(long team, long since, long until, boolean active, @Nullable LocalDate due,
                            BacklogTally tally, long from, int weight) {
        if (!active) {
            return;
        }
        long start = Math.max(since, from);
        tally.addOpen(team, start, until, weight);
        if (due != null) {
            // overdue on day D: due before D, so from the day after the due date
            tally.addOverdue(team, Math.max(start, due.toEpochDay() + 1), until, weight);
        }
    }

    /** The old value of the first event of {@code field}: what the follow-up held before it; else {@code otherwise}. */
    private static @Nullable String firstOld(List<Event> events, String field, @Nullable String otherwise) {
        for (Event event : events) {
            if (field.equals(event.field())) {
                return event.oldValue();
            }
        }
        return otherwise;
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            // events write dates ISO-8601; anything else is not a due date the history can count with
            return null;
        }
    }
}
