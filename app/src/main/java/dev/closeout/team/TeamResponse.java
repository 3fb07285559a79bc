package dev.closeout.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A team as the API shows it: {@code due_policy} is what the team overrides (null inherits),
 * {@code effective_due_policy} what its follow-ups actually get.
 */
@Serdeable
record TeamResponse(long id, String key, String name, @Nullable String defaultOwner, @Nullable String jiraProject,
                    List<String> services, DuePolicy duePolicy, DuePolicy effectiveDuePolicy,
                    Instant createdAt, Instant updatedAt) {

    static TeamResponse of(TeamProfile profile, DuePolicy global) {
        Team team = profile.team();
        return new TeamResponse(team.id(), team.teamKey(), team.name(), team.defaultOwner(), team.jiraProject(),
                profile.services(), profile.duePolicy(), profile.effectivePolicy(global),
                team.createdAt().toInstant(ZoneOffset.UTC), team.updatedAt().toInstant(ZoneOffset.UTC));
    }
}
