package dev.closeout.postmortem;

import dev.closeout.action.ActionItemResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A postmortem as the API shows it, with its follow-ups. {@code correctedFields} names the facts a person
 * corrected, which re-imports of the source leave alone.
 */
@Serdeable
public record PostmortemResponse(
        long id,
        @Nullable String source,
        @Nullable String title,
        @Nullable String service,
        @Nullable String format,
        IncidentView incident,
        @Nullable BigDecimal impactPercent,
        RootCauseView rootCause,
        List<String> correctedFields,
        String contentHash,
        Instant createdAt,
        Instant updatedAt,
        List<ActionItemResponse> actions) {

    /** Start and end in ISO-8601, with the author's offset when the text gave a zone. */
    @Serdeable
    public record IncidentView(@Nullable String start, @Nullable String end, @Nullable String zone,
                               @Nullable Integer durationMinutes) {

        static IncidentView of(Postmortem postmortem) {
            return new IncidentView(IncidentTimes.toDisplay(postmortem.incidentStart(), postmortem.incidentZone()),
                    IncidentTimes.toDisplay(postmortem.incidentEnd(), postmortem.incidentZone()),
                    postmortem.incidentZone(), postmortem.durationMinutes());
        }
    }

    @Serdeable
    public record RootCauseView(@Nullable String summary, @Nullable String component, @Nullable String trigger) {

        static RootCauseView of(Postmortem postmortem) {
            return new RootCauseView(postmortem.rootCauseSummary(), postmortem.rootCauseComponent(),
                    postmortem.rootCauseTrigger());
        }
    }

    public static PostmortemResponse of(Postmortem postmortem, List<ActionItemResponse> actions) {
        return new PostmortemResponse(postmortem.id(), postmortem.sourceRef(), postmortem.title(),
                postmortem.service(), postmortem.format(), IncidentView.of(postmortem), postmortem.impactPercent(),
                RootCauseView.of(postmortem),
                postmortem.corrections().stream().map(PostmortemField::wireName).toList(), postmortem.contentHash(),
                postmortem.createdAt().toInstant(ZoneOffset.UTC), postmortem.updatedAt().toInstant(ZoneOffset.UTC),
                actions);
    }
}
