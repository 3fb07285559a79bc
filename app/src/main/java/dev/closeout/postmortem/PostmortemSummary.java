package dev.closeout.postmortem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A postmortem in a list: its facts and how many of its follow-ups are still open, without its text. */
@Serdeable
public record PostmortemSummary(
        long id,
        @Nullable String source,
        @Nullable String title,
        @Nullable String service,
        PostmortemResponse.IncidentView incident,
        PostmortemResponse.RootCauseView rootCause,
        int actionCount,
        int openActionCount,
        Instant createdAt) {
}
