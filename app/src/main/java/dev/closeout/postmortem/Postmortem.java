package dev.closeout.postmortem;

import dev.closeout.postmortem.extraction.Extraction;
import dev.closeout.storage.Columns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;

import static dev.closeout.storage.Columns.fit;

/**
 * A stored postmortem: the original text, its content hash (one row per distinct text) and the facts
 * extracted from it. Incident times are UTC when {@code incidentZone} is known, else local as written;
 * {@code createdAt}/{@code updatedAt} are UTC. {@code correctedFields} names the facts a person corrected
 * (see {@link PostmortemField}).
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
        @Nullable String correctedFields,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    /** A new postmortem holding everything the extraction found in {@code text}. */
    static Postmortem imported(@Nullable String sourceRef, String text, String hash, Extraction extraction,
                               LocalDateTime now) {
        Postmortem blank = new Postmortem(null, fit(sourceRef, Columns.SOURCE_REF), null, null, null, null, null,
                null, null, null, null, null, null, text, hash, null, now, now);
        return blank.reextracted(text, hash, extraction, now);
    }

    /**
     * This postmortem with a changed text of its source: the text and every extracted fact are replaced,
     * except the facts a person corrected.
     */
    Postmortem reextracted(String text, String hash, Extraction extraction, LocalDateTime now) {
        Set<PostmortemField> kept = corrections();
        var incident = extraction.incident();
        Double impact = extraction.impactPercent();
        return new Postmortem(id, sourceRef,
                pick(kept, PostmortemField.TITLE, title, fit(extraction.title(), Columns.TITLE)),
                pick(kept, PostmortemField.SERVICE, service, fit(extraction.service(), Columns.SERVICE)),
                extraction.mediaType(),
                pick(kept, PostmortemField.INCIDENT_START, incidentStart, IncidentTimes.stored(incident.startTime())),
                pick(kept, PostmortemField.INCIDENT_END, incidentEnd, IncidentTimes.stored(incident.endTime())),
                pick(kept, PostmortemField.INCIDENT_ZONE, incidentZone, IncidentTimes.zone(incident)),
                pick(kept, PostmortemField.DURATION_MINUTES, durationMinutes, incident.durationMinutes()),
                pick(kept, PostmortemField.IMPACT_PERCENT, impactPercent,
                        impact == null ? null : BigDecimal.valueOf(impact)),
                pick(kept, PostmortemField.ROOT_CAUSE_SUMMARY, rootCauseSummary,
                        fit(extraction.rootCause().summary(), Columns.ROOT_CAUSE_SUMMARY)),
                pick(kept, PostmortemField.ROOT_CAUSE_COMPONENT, rootCauseComponent, extraction.rootCause().component()),
                pick(kept, PostmortemField.ROOT_CAUSE_TRIGGER, rootCauseTrigger, extraction.rootCause().trigger()),
                text, hash, correctedFields, createdAt, now);
    }

    /** The facts a person corrected. */
    Set<PostmortemField> corrections() {
        return PostmortemField.parse(correctedFields);
    }

    private static <T> T pick(Set<PostmortemField> kept, PostmortemField field, T current, T extracted) {
        return kept.contains(field) ? current : extracted;
    }
}
