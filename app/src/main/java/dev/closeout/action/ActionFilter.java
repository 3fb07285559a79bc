package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Set;

/**
 * The filters of {@code GET /api/actions}; null (or an empty status set) means "any". Component and
 * trigger are those of the root cause of the action's postmortem; {@code text} is searched for
 * case-insensitively. {@code scopeTeamId} is the team a scoped token is limited to.
 */
public record ActionFilter(
        Set<ActionStatus> statuses,
        @Nullable Long teamId,
        @Nullable String owner,
        @Nullable Boolean overdue,
        @Nullable LocalDate dueBefore,
        @Nullable String kind,
        @Nullable String component,
        @Nullable String trigger,
        @Nullable Long postmortemId,
        @Nullable String text,
        @Nullable Long scopeTeamId) {
}
