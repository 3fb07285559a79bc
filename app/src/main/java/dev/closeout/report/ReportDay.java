package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.Field;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;

/**
 * The day a report describes, and where the follow-ups' state on it comes from: for today or a later day
 * their rows (the present), for an earlier day their history up to the end of that day in the reports' zone
 * ({@link FollowupHistory}): status, removal and due date. On an earlier day a follow-up whose due date has not
 * changed since the day ended ({@link #dueAsNow()}) had its current one; one whose due date changed since
 * ({@link #dueMoved()}) had the one its first change replaced ({@link #dueThen()}).
 *
 * @param day      the report's day ({@code as_of})
 * @param endOfDay the UTC time the day ends, when it is in the past; null for today and later
 */
record ReportDay(LocalDate day, @Nullable LocalDateTime endOfDay) {

    static ReportDay of(LocalDate day, ReportCalendar calendar) {
        return new ReportDay(day, day.isBefore(calendar.today()) ? calendar.startOfDayUtc(day.plusDays(1)) : null);
    }

    boolean fromHistory() {
        return endOfDay != null;
    }

    /** Active on the day ({@link FollowupRules#active()}, or as the history has it). */
    Condition active() {
        return endOfDay == null ? FollowupRules.active() : FollowupHistory.activeBefore(endOfDay);
    }

    /**
     * Overdue on the day by the current due date ({@link FollowupRules#overdueOn}): for today and later every
     * overdue follow-up; for an earlier day those whose due date then is the current one ({@link #dueAsNow()}),
     * the others being asked by {@link #dueThen()}.
     */
    Condition overdue() {
        // the due date first: the history is read only for the follow-ups it leaves; the due-date changes since
        // last, as they leave out few
        return endOfDay == null ? FollowupRules.overdueOn(day)
                : ACTION_ITEM.DUE_DATE.lt(day).and(active()).and(dueAsNow());
    }

    /** For an earlier day: the follow-ups whose due date has not changed since it ended, their current one. */
    Condition dueAsNow() {
        return FollowupHistory.dueKeptSince(history());
    }

    /** For an earlier day: the follow-ups whose due date changed after it ended. */
    Condition dueMoved() {
        return FollowupHistory.dueMovedSince(history());
    }

    /** For an earlier day, of a follow-up of {@link #dueMoved()}: its due date at the end of the day (null: none). */
    Field<LocalDate> dueThen() {
        return FollowupHistory.dueBefore(history());
    }

    private LocalDateTime history() {
        if (endOfDay == null) {
            throw new IllegalStateException(day + " is not an earlier day: its follow-ups are read as they are now");
        }
        return endOfDay;
    }
}
