package dev.closeout.notify;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReminderScheduleTest {

    private static final ReminderSchedule DEFAULT = new ReminderSchedule(List.of(-3, 0, 1, 7), 7, 14);

    /** Every reminder day of a follow-up due on {@code due} over {@code days} days from {@code from}, with its offset. */
    private static Map<LocalDate, Integer> reminders(ReminderSchedule schedule, LocalDate due, LocalDate from, int days) {
        Map<LocalDate, Integer> found = new LinkedHashMap<>();
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            OptionalInt offset = schedule.reminderOn(due, day);
            if (offset.isPresent()) {
                found.put(day, offset.getAsInt());
            }
        }
        return found;
    }

    @Test
    void aFollowUpDueOnAWednesdayIsRemindedAtEachOffsetThenWeekly() {
        LocalDate due = LocalDate.parse("2026-12-16");
        Map<LocalDate, Integer> expected = new LinkedHashMap<>();
        // -3d is Sunday the 13th: it goes on Monday
        expected.put(LocalDate.parse("2026-12-14"), -3);
        expected.put(LocalDate.parse("2026-12-16"), 0);
        expected.put(LocalDate.parse("2026-12-17"), 1);
        expected.put(LocalDate.parse("2026-12-23"), 7);
        expected.put(LocalDate.parse("2026-12-30"), 14);
        expected.put(LocalDate.parse("2027-01-06"), 21);
        assertEquals(expected, reminders(DEFAULT, due, LocalDate.parse("2026-12-01"), 40));
    }

    @Test
    void occasionsOnAWeekendGoOnMondayAsOneMessageWithTheLaterOffset() {
        // due Saturday: 0d (Saturday) and +1d (Sunday) both land on Monday the 21st; +7d on Monday the 28th
        LocalDate due = LocalDate.parse("2026-12-19");
        Map<LocalDate, Integer> found = reminders(DEFAULT, due, LocalDate.parse("2026-12-10"), 20);
        assertEquals(Map.of(LocalDate.parse("2026-12-16"), -3, LocalDate.parse("2026-12-21"), 1,
                LocalDate.parse("2026-12-28"), 7), withoutOrder(found));
    }

    private static Map<LocalDate, Integer> withoutOrder(Map<LocalDate, Integer> found) {
        return Map.copyOf(found);
    }

    @Test
    void nothingIsSentOnAWeekend() {
        LocalDate saturday = LocalDate.parse("2026-12-19");
        assertEquals(OptionalInt.empty(), DEFAULT.reminderOn(saturday, saturday));
        assertEquals(OptionalInt.empty(), DEFAULT.escalationOn(saturday.minusDays(14), saturday));
    }

    @Test
    void escalationComesOnceOverdueByTheThresholdThenEveryRepeat() {
        LocalDate due = LocalDate.parse("2026-11-30");
        Map<LocalDate, Integer> found = new LinkedHashMap<>();
        for (LocalDate day = due; day.isBefore(due.plusDays(35)); day = day.plusDays(1)) {
            OptionalInt late = DEFAULT.escalationOn(due, day);
            if (late.isPresent()) {
                found.put(day, late.getAsInt());
            }
        }
        assertEquals(Map.of(LocalDate.parse("2026-12-14"), 14, LocalDate.parse("2026-12-21"), 21,
                LocalDate.parse("2026-12-28"), 28), Map.copyOf(found));
    }

    @Test
    void aTeamsOwnOffsetsReplaceTheDefault() {
        ReminderSchedule own = new ReminderSchedule(ReminderOffsets.parse("reminder_offsets", List.of("-1w", "+2d")),
                14, 14);
        LocalDate due = LocalDate.parse("2026-12-16");
        assertEquals(Map.of(LocalDate.parse("2026-12-09"), -7, LocalDate.parse("2026-12-18"), 2,
                        LocalDate.parse("2027-01-01"), 16),
                Map.copyOf(reminders(own, due, LocalDate.parse("2026-12-01"), 35)));
    }

    @Test
    void offsetsAreReadAsPeopleWriteThemAndBadOnesNamed() {
        assertEquals(List.of(-3, 0, 1, 14), ReminderOffsets.parse("f", List.of("+1d", "-3d", "0d", "2w", "+1d")));
        assertEquals(List.of("-3d", "0d", "+1d"), ReminderOffsets.format(List.of(-3, 0, 1)));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ReminderOffsets.parse("reminder_offsets", List.of("+3x")));
        assertEquals(true, bad.getMessage().startsWith("reminder_offsets: '+3x'"));
        assertThrows(IllegalArgumentException.class, () -> ReminderOffsets.parse("reminder_offsets", List.of()));
        assertThrows(IllegalArgumentException.class, () -> ReminderOffsets.parse("reminder_offsets", List.of("400d")));
    }
}
