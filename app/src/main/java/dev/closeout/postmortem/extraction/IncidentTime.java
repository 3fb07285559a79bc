package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A point in an incident as precisely as the text states it: a date, maybe a time of day, maybe a
 * UTC offset. Written as ISO-8601: {@code 2025-06-11}, {@code 2025-06-11T03:15:00},
 * {@code 2025-06-11T03:15:00Z} or {@code 2025-06-11T03:15:00-07:00}.
 */
public record IncidentTime(LocalDate date, @Nullable LocalTime time, @Nullable ZoneOffset offset) {

    public static IncidentTime of(LocalDateTime dateTime, @Nullable ZoneOffset offset) {
        return new IncidentTime(dateTime.toLocalDate(), dateTime.toLocalTime(), offset);
    }

    /** The local date-time as written; midnight when only the date is known. */
    public LocalDateTime localDateTime() {
        return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    }

    /**
     * Minutes from this point to {@code other}, rounded to the nearest (09:15:04 to 10:03:52 is 49), when both
     * carry a time of day.
     */
    public @Nullable Long minutesUntil(IncidentTime other) {
        if (time == null || other.time == null) {
            return null;
        }
        java.time.Duration between = offset != null && other.offset != null
                ? java.time.Duration.between(localDateTime().atOffset(offset), other.localDateTime().atOffset(other.offset))
                : java.time.Duration.between(localDateTime(), other.localDateTime());
        return Math.round(between.getSeconds() / 60.0);
    }

    public String toIso() {
        if (time == null) {
            return date.toString();
        }
        String local = date + "T" + twoDigits(time.getHour()) + ":" + twoDigits(time.getMinute()) + ":"
                + twoDigits(time.getSecond());
        return offset == null ? local : local + offset.getId();
    }

    public static IncidentTime parse(String iso) {
        try {
            if (iso.length() == 10) {
                return new IncidentTime(LocalDate.parse(iso), null, null);
            }
            try {
                OffsetDateTime withOffset = OffsetDateTime.parse(iso);
                return of(withOffset.toLocalDateTime(), withOffset.getOffset());
            } catch (DateTimeParseException noOffset) {
                return of(LocalDateTime.parse(iso), null);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 date or date-time: " + iso, e);
        }
    }

    @Override
    public String toString() {
        return toIso();
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
