package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.Field;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.coalesce;

/**
 * A postmortem's incident date (docs/reports.md, Definitions): the day of its incident start, else of its
 * import, in the reports' zone. A start is stored in UTC when the postmortem names a zone and as written
 * otherwise; either way it is read as UTC here, as the SQL bounds below compare it, so the date and the
 * window agree.
 */
public final class IncidentDate {

    private IncidentDate() {
    }

    /** The time the incident is dated by: its start, else the postmortem's import. */
    public static LocalDateTime time(@Nullable LocalDateTime incidentStart, LocalDateTime createdAt) {
        return incidentStart != null ? incidentStart : createdAt;
    }

    /** {@link #time} in SQL, for a query that reads the time alone rather than both columns. */
    public static Field<LocalDateTime> timeField() {
        return coalesce(POSTMORTEM.INCIDENT_START, POSTMORTEM.CREATED_AT);
    }

    public static LocalDate of(ReportCalendar calendar, @Nullable LocalDateTime incidentStart,
                               LocalDateTime createdAt) {
        return calendar.dayOf(time(incidentStart, createdAt));
    }

    /** Postmortems whose incident date falls between {@code from} and {@code to}, both days included. */
    public static Condition between(ReportCalendar calendar, LocalDate from, LocalDate to) {
        LocalDateTime start = calendar.startOfDayUtc(from);
        LocalDateTime end = calendar.startOfDayUtc(to.plusDays(1));
        // two ranges of one index (incident_start, created_at, ...): a start in the window, or none and an
        // import in it
        return POSTMORTEM.INCIDENT_START.ge(start).and(POSTMORTEM.INCIDENT_START.lt(end))
                .or(POSTMORTEM.INCIDENT_START.isNull().and(POSTMORTEM.CREATED_AT.ge(start))
                        .and(POSTMORTEM.CREATED_AT.lt(end)));
    }
}
