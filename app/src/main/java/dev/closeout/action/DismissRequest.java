package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/actions/{id}/dismiss}: why the follow-up is no follow-up at all (required). */
@Serdeable
public record DismissRequest(@Nullable String reason) {

    private static final int REASON_LENGTH = 2000;

    public @Nullable String checkedReason() {
        if (reason != null && reason.strip().length() > REASON_LENGTH) {
            throw InvalidRequest.of("reason", "must be at most " + REASON_LENGTH + " characters");
        }
        return reason;
    }
}
