package dev.closeout.team;

import java.util.List;

/**
 * A team with what hangs off it: the services it owns (sorted, lower-case) and its own due-date policy
 * (what it overrides of the global one).
 */
public record TeamProfile(Team team, List<String> services, DuePolicy duePolicy) {

    /** The policy this team's follow-ups get: {@code global} with this team's values in place. */
    public DuePolicy effectivePolicy(DuePolicy global) {
        return global.overriddenBy(duePolicy);
    }
}
