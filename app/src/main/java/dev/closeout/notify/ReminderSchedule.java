package dev.closeout.notify;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;

/**
 * The days a follow-up due on a date is reminded and escalated on. Reminders at each offset from the due date,
 * then every {@code repeatDays} after the last while it stays overdue; an escalation once it is
 * {@code escalateAfterDays} overdue, then every {@code repeatDays}. Weekdays only: an occasion on a Saturday or
 * Sunday goes on the Monday after, and two occasions landing on one Monday make one message (the later offset,
 * the one that says most).
 *
 * @param offsets            days from the due date, sorted ({@link ReminderOffsets#parse})
 * @param repeatDays         days between repeats once the offsets are used up, at least 1
 * @param escalateAfterDays  days overdue before the first escalation
 */
public record ReminderSchedule(List<Integer> offsets, int repeatDays, int escalateAfterDays) {

    public ReminderSchedule {
        offsets = List.copyOf(offsets);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("reminder offsets: at least one");
        }
        if (repeatDays < 1) {
            throw new IllegalArgumentException("repeat-every: at least one day");
        }
    }

    /** The offset of the reminder sent on {@code day} for a follow-up due on {@code due}; empty: none that day. */
    public OptionalInt reminderOn(LocalDate due, LocalDate day) {
        int last = offsets.get(offsets.size() - 1);
        return latestOn(due, day, offset -> offsets.contains(offset)
                || offset > last && offset > 0 && (offset - last) % repeatDays == 0);
    }

    /** Days overdue of the escalation sent on {@code day} for a follow-up due on {@code due}; empty: none that day. */
    public OptionalInt escalationOn(LocalDate due, LocalDate day) {
        return latestOn(due, day, offset -> offset >= escalateAfterDays && offset > 0
                && (offset - escalateAfterDays) % repeatDays == 0);
    }

    /** The day a message for {@code date} goes: the date itself, or the Monday after a weekend. */
    public static LocalDate sendDay(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.plusDays(2);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    public static boolean weekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private interface OffsetRule {
        boolean matches(int offset);
    }

    private static OptionalInt latestOn(LocalDate due, LocalDate day, OffsetRule rule) {
        if (!weekday(day)) {
            return OptionalInt.empty();
        }
        // the occasions that land on this day: itself, and on a Monday the weekend before it
        int days = (int) ChronoUnit.DAYS.between(due, day);
        int reach = day.getDayOfWeek() == DayOfWeek.MONDAY ? 2 : 0;
        for (int back = 0; back <= reach; back++) {
            if (rule.matches(days - back)) {
                return OptionalInt.of(days - back);
            }
        }
        return OptionalInt.empty();
    }
}
