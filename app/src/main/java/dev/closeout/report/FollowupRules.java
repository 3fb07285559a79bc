package dev.closeout.report;

import dev.closeout.action.ActionStatus;
import org.jooq.Condition;
import org.jooq.Field;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateDiff;

/**
 * The reports' definitions of a follow-up's state, in one place (docs/reports.md quotes them). Every
 * report counts with these, in SQL and in Java alike.
 */
public final class FollowupRules {

    /** Statuses of work still to do. */
    public static final List<String> ACTIVE_STATUSES = List.of(ActionStatus.OPEN.wireName(),
            ActionStatus.IN_PROGRESS.wireName());

    /** Statuses that close a follow-up. */
    public static final List<String> CLOSED_STATUSES = List.of(ActionStatus.DONE.wireName(),
            ActionStatus.NOT_DOING.wireName());

    /** Follow-ups due within this many days after the report's day are "due soon". */
    public static final int DUE_SOON_DAYS = 7;

    private FollowupRules() {
    }

    /** Active now: open or in progress, and still in its postmortem (not {@code removed_from_source}). */
    public static Condition active() {
        return ACTION_ITEM.STATUS.in(ACTIVE_STATUSES).and(ACTION_ITEM.REMOVED_FROM_SOURCE.isFalse());
    }

    /** Overdue on {@code day} for a follow-up active now: due before that day. */
    public static Condition overdueOn(LocalDate day) {
        return active().and(ACTION_ITEM.DUE_DATE.lt(day));
    }

    /** Due soon on {@code day}: active and due on that day or within the next {@link #DUE_SOON_DAYS} days. */
    public static Condition dueSoonOn(LocalDate day) {
        return active().and(ACTION_ITEM.DUE_DATE.between(day, day.plusDays(DUE_SOON_DAYS)));
    }

    /** {@code days_overdue} on {@code day}: day − due, in days. */
    public static Field<Integer> daysOverdue(LocalDate day) {
        return localDateDiff(inline(day), ACTION_ITEM.DUE_DATE);
    }

    public static long daysOverdue(LocalDate day, LocalDate due) {
        return ChronoUnit.DAYS.between(due, day);
    }

    /** Is a status one of work still to do? */
    public static boolean isActive(String status) {
        return ACTIVE_STATUSES.contains(status);
    }

    /** Is a status one that closes a follow-up? */
    public static boolean isClosed(String status) {
        return CLOSED_STATUSES.contains(status);
    }
}
