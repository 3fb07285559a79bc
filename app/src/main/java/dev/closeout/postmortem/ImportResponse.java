package dev.closeout.postmortem;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to an import: the postmortem as {@code GET} shows it, plus {@code reimport} saying what a
 * changed source text did to its follow-ups (null when nothing was re-imported).
 */
@Serdeable
public record ImportResponse(@JsonUnwrapped PostmortemResponse postmortem, @Nullable ReimportSummary reimport) {
}
