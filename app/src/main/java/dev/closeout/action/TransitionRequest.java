package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code POST /api/actions/{id}/transitions} and the follow-up pages' status form: the status to move to; a reason
 * is required for not_doing.
 */
@Serdeable
public record TransitionRequest(@Nullable String to, @Nullable String reason) {

    private static final int REASON_LENGTH = 2000;

    public ActionStatus status() {
        if (to == null) {
            throw InvalidRequest.of("to", "required: the status to move to");
        }
        try {
            return ActionStatus.fromWireName(to);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("to", e.getMessage());
        }
    }

    public @Nullable String checkedReason() {
        if (reason != null && reason.strip().length() > REASON_LENGTH) {
            throw InvalidRequest.of("reason", "must be at most " + REASON_LENGTH + " characters");
        }
        return reason;
    }
}
