package dev.closeout.team;

import io.micronaut.core.annotation.Nullable;

/**
 * What a new follow-up takes from the team it goes to: the team (and its key, for the answer), its default
 * owner and its own due-date policy (what it overrides of the global one).
 */
public record FollowUpTeam(long teamId, String teamKey, @Nullable String defaultOwner, DuePolicy duePolicy) {

    /** The policy this team's follow-ups get: {@code global} with this team's values in place. */
    public DuePolicy effectivePolicy(DuePolicy global) {
        return global.overriddenBy(duePolicy);
    }
}
