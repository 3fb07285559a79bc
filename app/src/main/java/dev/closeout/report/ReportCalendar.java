package dev.closeout.report;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Days as the reports count them: in {@code closeout.reports.time-zone}. Stored times are UTC; a day D of
 * the reports runs from D 00:00 to D+1 00:00 in that zone, converted here so queries compare UTC columns.
 */
@Singleton
public class ReportCalendar {

    private final Clock clock;
    private final ZoneId zone;

    ReportCalendar(Clock clock, ReportsConfiguration configuration) {
        this.clock = clock;
        this.zone = configuration.timeZone();
    }

    /** Today in the reports' zone: the default {@code as_of}. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The UTC time (as stored in DATETIME columns) at which {@code day} begins in the reports' zone. */
    public LocalDateTime startOfDayUtc(LocalDate day) {
        return LocalDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
    }

    /** The reports' day on which a stored UTC time falls. */
    public LocalDate dayOf(LocalDateTime utc) {
        return LocalDate.ofInstant(utc.toInstant(ZoneOffset.UTC), zone);
    }
}
