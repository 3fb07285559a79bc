package dev.closeout.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week ({@code 2026-W49}): Monday to Sunday, numbered within its week-based year (so
 * 2026-W01 begins on Monday 2025-12-29). Days are days of the reports' calendar.
 */
public record IsoWeek(LocalDate monday) {

    private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})$");

    public IsoWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(monday + " is not a Monday");
        }
    }

    /** The week {@code text} names, or an error saying what a week looks like. */
    public static IsoWeek parse(String text) {
        Matcher matcher = WEEK.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO week such as 2026-W49");
        }
        int year = Integer.parseInt(matcher.group(1));
        int number = Integer.parseInt(matcher.group(2));
        // the fourth of January is always in week 1 of its week-based year
        LocalDate inWeekOne = LocalDate.of(year, 1, 4);
        long weeks = inWeekOne.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (number < 1 || number > weeks) {
            throw new IllegalArgumentException("'" + text + "': " + year + " has weeks 01 to " + weeks);
        }
        return new IsoWeek(inWeekOne.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** The week {@code day} falls in. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public IsoWeek minusWeeks(long weeks) {
        return new IsoWeek(monday.minusWeeks(weeks));
    }

    public IsoWeek plusWeeks(long weeks) {
        return new IsoWeek(monday.plusWeeks(weeks));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(monday) && !day.isAfter(sunday());
    }

    /** {@code 2026-W49}. */
    @Override
    public String toString() {
        return String.format("%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
