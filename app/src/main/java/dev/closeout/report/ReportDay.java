package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import org.jooq.Condition;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;

/**
 * The day a report describes, and where the follow-ups' state on it comes from: for today or a later day
 * their rows (the present), for an earlier day their history up to the end of that day in the reports' zone
 * ({@link FollowupHistory}). The due date is the present one either way.
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

    /** Overdue on the day: active and due before it ({@link FollowupRules#overdueOn}). */
    Condition overdue() {
        // the due date first: the history is read only for the follow-ups it leaves
        return endOfDay == null ? FollowupRules.overdueOn(day) : ACTION_ITEM.DUE_DATE.lt(day).and(active());
    }

    /** Due soon on the day: active and due on it or within the next days ({@link FollowupRules#dueSoonOn}). */
    Condition dueSoon() {
        return endOfDay == null ? FollowupRules.dueSoonOn(day)
                : ACTION_ITEM.DUE_DATE.between(day, day.plusDays(FollowupRules.DUE_SOON_DAYS)).and(active());
    }
}
