package dev.closeout.postmortem.extraction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * When the incident happened and how long it lasted, as the text states it. Start and end are
 * ISO-8601 as {@link IncidentTime} writes them, the shape of the corpus labels.
 */
// every field of the label schema is written, null or not, so consumers see one shape
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record Incident(
        @Nullable String start,
        @Nullable String end,
        @Nullable Integer durationMinutes) {

    public static Incident of(@Nullable IncidentTime start, @Nullable IncidentTime end,
                              @Nullable Integer durationMinutes) {
        return new Incident(start == null ? null : start.toIso(), end == null ? null : end.toIso(), durationMinutes);
    }

    public static Incident unknown() {
        return new Incident(null, null, null);
    }

    public @Nullable IncidentTime startTime() {
        return start == null ? null : IncidentTime.parse(start);
    }

    public @Nullable IncidentTime endTime() {
        return end == null ? null : IncidentTime.parse(end);
    }
}
