package dev.closeout.report;

import dev.closeout.action.ActionQueries;
import dev.closeout.action.ActionStatus;
import org.jooq.Condition;
import org.jooq.Field;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /**
     * Counted by the reports: still in its postmortem (not {@code removed_from_source}) and not dismissed by a person
     * as no follow-up at all ({@link ActionQueries#notDismissed()}). The covering indexes of the reports hold both
     * flags (V18), so a count with this still reads no row.
     */
    public static Condition counted() {
        return ACTION_ITEM.REMOVED_FROM_SOURCE.isFalse().and(ActionQueries.notDismissed());
    }

    /** Active now: open or in progress, and {@linkplain #counted() counted}. */
    public static Condition active() {
        return ACTION_ITEM.STATUS.in(ACTIVE_STATUSES).and(counted());
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

    /**
     * A closing: a status change from a status that is not closed to {@code done} or {@code not_doing}. A
     * change between the two closed statuses (Jira may send one) closes nothing new.
     */
    public static boolean isClosing(@Nullable String oldStatus, @Nullable String newStatus) {
        // List.of(...).contains(null) throws: a created event has no old status
        return newStatus != null && isClosed(newStatus) && (oldStatus == null || !isClosed(oldStatus));
    }

    /** A reopening: a status change from {@code done} or {@code not_doing} back to {@code open}/{@code in_progress}. */
    public static boolean isReopening(@Nullable String oldStatus, @Nullable String newStatus) {
        return oldStatus != null && newStatus != null && isClosed(oldStatus) && isActive(newStatus);
    }

    /** Time to close: closing time − creation time, in days (fractional: 36 hours is 1.5). */
    public static double daysToClose(LocalDateTime createdAt, LocalDateTime closedAt) {
        return Duration.between(createdAt, closedAt).getSeconds() / (double) Duration.ofDays(1).getSeconds();
    }

    /**
     * The {@code p}-th percentile (0..1) of {@code values} by linear interpolation between the closest ranks
     * (Hyndman and Fan's type 7, as Excel's PERCENTILE.INC and NumPy's default): with the values sorted
     * x[0..n-1] and h = (n − 1)·p, it is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). The median is p = 0.5 (the
     * mean of the two middle values for an even count); null for no values.
     */
    public static @Nullable Double percentile(List<Double> values, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("percentile: " + p + " is not within 0..1");
        }
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (sorted.length - 1) * p;
        int lower = (int) Math.floor(h);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
    }

    /** A number of days as reports show it: one decimal, half up; null stays null. */
    public static @Nullable Double days(@Nullable Double days) {
        return days == null ? null : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * On-time rate: {@code onTime} of {@code due} follow-ups (those due in the period, {@code not_doing} left
     * out), as a share with three decimals, half up; null when none was due.
     */
    public static @Nullable Double onTimeRate(int onTime, int due) {
        return due == 0 ? null : BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(due), 3, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
