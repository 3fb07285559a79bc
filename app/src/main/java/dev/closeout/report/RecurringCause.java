package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * A root cause (component and trigger) seen in a week that had been seen before: the week's postmortems with
 * it, how many incidents had it before the week began and when the last of those was.
 */
@Serdeable
public record RecurringCause(String component, String trigger, int incidentsBefore,
                             @Nullable LocalDate lastSeenBefore, List<Incident> postmortems) {

    /** One postmortem of the week with the cause. */
    @Serdeable
    public record Incident(long id, @Nullable String title, LocalDate incidentDate) {
    }
}
