package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** When the incident happened and how long it lasted, as the text states it. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Incident(
        @Nullable IncidentTime start,
        @Nullable IncidentTime end,
        @Nullable Integer durationMinutes) {

    public static Incident unknown() {
        return new Incident(null, null, null);
    }
}
