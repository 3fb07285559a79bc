package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.LocalDateTime;

/**
 * When the incident happened, as the text states it. {@code zone} is null when the text names none;
 * then start and end are local times as written.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Incident(
        @Nullable LocalDateTime start,
        @Nullable LocalDateTime end,
        @Nullable String zone,
        @Nullable Integer durationMinutes) {

    public static Incident unknown() {
        return new Incident(null, null, null, null);
    }
}
