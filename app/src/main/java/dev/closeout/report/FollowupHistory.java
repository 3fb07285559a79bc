package dev.closeout.report;

import dev.closeout.action.ActionEvent;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.SQLDataType.LOCALDATE;

/**
 * A follow-up's state at an earlier time, read from its history ({@code action_event}) rather than from its
 * row, which holds only the present: the {@code created} event carries the first status, each
 * {@code status} event a move, each {@code removed_from_source} and {@code dismissed} event the flag's new
 * value, each {@code due} event the date's new value (null: none). A dismissal takes a follow-up out from its
 * time on, as a removal from the text does: the days before it counted it, as the backlog's history did then. So
 * a follow-up done and later reopened was active again from its reopening, one closed today was still active
 * yesterday, and one whose due date was moved out today was overdue yesterday by the date it had then.
 * docs/reports.md, "Definitions".
 */
public final class FollowupHistory {

    private static final String STATUS = "status";
    private static final String REMOVED_FROM_SOURCE = "removed_from_source";
    private static final String DUE = "due";

    private FollowupHistory() {
    }

    /**
     * Active at {@code endUtc} (a stored UTC time, e.g. the end of a report's day): created before it, its
     * last status before it open or in progress, and neither removed from its postmortem nor dismissed by then.
     */
    public static Condition activeBefore(LocalDateTime endUtc) {
        return ACTION_ITEM.CREATED_AT.lt(endUtc)
                // only what is active now, or was closed last at or after the end, can have been active then:
                // a follow-up closed now whose last closing came before the end was closed from then on, so the
                // history of most closed follow-ups is not read at all
                .and(ACTION_ITEM.STATUS.in(FollowupRules.ACTIVE_STATUSES).or(ACTION_ITEM.CLOSED_AT.ge(endUtc)))
                .and(statusBefore(endUtc).in(FollowupRules.ACTIVE_STATUSES))
                .and(coalesce(removedBefore(endUtc), inline(Boolean.FALSE.toString()))
                        .ne(inline(Boolean.TRUE.toString())))
                .and(notDismissedBefore(endUtc));
    }

    /**
     * Not dismissed at {@code endUtc}: never dismissed before it, or restored since its last dismissal before it.
     * Dismissals are few: the follow-ups ever dismissed before then are one range of ix_action_event_field_status
     * (field, occurred_at, action_id), read once, and only theirs is the last such event looked up.
     */
    static Condition notDismissedBefore(LocalDateTime endUtc) {
        return ACTION_ITEM.ID.notIn(select(ACTION_EVENT.ACTION_ID).from(ACTION_EVENT)
                        .where(ACTION_EVENT.FIELD.eq(ActionEvent.DISMISSED))
                        .and(ACTION_EVENT.OCCURRED_AT.lt(endUtc)))
                .or(coalesce(dismissedBefore(endUtc), inline(Boolean.FALSE.toString()))
                        .ne(inline(Boolean.TRUE.toString())));
    }

    /** The status set last before {@code endUtc}: by the creation or by the latest move. */
    static Field<String> statusBefore(LocalDateTime endUtc) {
        return lastValueBefore(endUtc, ACTION_EVENT.FIELD.in(ActionEvent.CREATED, STATUS));
    }

    /** "true" or "false" as set last before {@code endUtc}; null when it never changed. */
    static Field<String> removedBefore(LocalDateTime endUtc) {
        return lastValueBefore(endUtc, ACTION_EVENT.FIELD.eq(REMOVED_FROM_SOURCE));
    }

    /** "true" or "false" as a person's dismissal or restore set it last before {@code endUtc}; null when none did. */
    static Field<String> dismissedBefore(LocalDateTime endUtc) {
        return lastValueBefore(endUtc, ACTION_EVENT.FIELD.eq(ActionEvent.DISMISSED));
    }

    /**
     * The follow-ups whose due date was changed at or after {@code endUtc}: one range of
     * ix_action_event_field_status (field, occurred_at, action_id, ...) finds them all. Every other follow-up had
     * its current due date then.
     */
    static Condition dueMovedSince(LocalDateTime endUtc) {
        return ACTION_ITEM.ID.in(dueEventsSince(endUtc));
    }

    /** The follow-ups whose due date was not changed at or after {@code endUtc}: they had their current one then. */
    static Condition dueKeptSince(LocalDateTime endUtc) {
        return ACTION_ITEM.ID.notIn(dueEventsSince(endUtc));
    }

    /**
     * For a follow-up of {@link #dueMovedSince}: the due date in force at {@code endUtc}, the one the first change
     * at or after it replaced (its old value; null: it had none then). Read from ix_action_event_action; for a
     * follow-up with no such change it is null too, so it is asked only of those that have one.
     */
    static Field<LocalDate> dueBefore(LocalDateTime endUtc) {
        // events write the dates ISO-8601 (ActionEvent), which CAST reads alike on MariaDB, MySQL and H2
        return select(ACTION_EVENT.OLD_VALUE.cast(LOCALDATE)).from(ACTION_EVENT)
                .where(ACTION_EVENT.ACTION_ID.eq(ACTION_ITEM.ID))
                .and(ACTION_EVENT.FIELD.eq(DUE))
                .and(ACTION_EVENT.OCCURRED_AT.ge(endUtc))
                .orderBy(ACTION_EVENT.OCCURRED_AT.asc(), ACTION_EVENT.ID.asc())
                .limit(1)
                .asField();
    }

    private static Select<Record1<Long>> dueEventsSince(LocalDateTime endUtc) {
        return select(ACTION_EVENT.ACTION_ID).from(ACTION_EVENT)
                .where(ACTION_EVENT.FIELD.eq(DUE))
                .and(ACTION_EVENT.OCCURRED_AT.ge(endUtc));
    }

    private static Field<String> lastValueBefore(LocalDateTime endUtc, Condition field) {
        // the follow-up's events in time order come from ix_action_event_action (action_id, occurred_at, id);
        // the id breaks ties, since MariaDB keeps whole seconds
        return select(ACTION_EVENT.NEW_VALUE).from(ACTION_EVENT)
                .where(ACTION_EVENT.ACTION_ID.eq(ACTION_ITEM.ID))
                .and(field)
                .and(ACTION_EVENT.OCCURRED_AT.lt(endUtc))
                .orderBy(ACTION_EVENT.OCCURRED_AT.desc(), ACTION_EVENT.ID.desc())
                .limit(1)
                .asField();
    }
}
