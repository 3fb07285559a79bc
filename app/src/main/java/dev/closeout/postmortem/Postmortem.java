package dev.closeout.postmortem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A stored postmortem: the original text, its content hash (one row per distinct text) and the facts
 * extracted from it. Incident times are UTC when {@code incidentZone} is known, else local as written;
 * {@code createdAt}/{@code updatedAt} are UTC.
 */
@MappedEntity("postmortem")
public record Postmortem(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable String sourceRef,
        @Nullable String title,
        @Nullable String service,
        @Nullable String format,
        @Nullable LocalDateTime incidentStart,
        @Nullable LocalDateTime incidentEnd,
        @Nullable String incidentZone,
        @Nullable Integer durationMinutes,
        @Nullable BigDecimal impactPercent,
        @Nullable String rootCauseSummary,
        @Nullable String rootCauseComponent,
        @Nullable String rootCauseTrigger,
        String originalText,
        String contentHash,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {
}
