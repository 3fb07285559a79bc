package dev.closeout.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code POST /api/teams}. {@code key} and {@code name} are required; the rules are checked by
 * {@link Team} so the answer names the field that breaks one.
 */
@Serdeable
record CreateTeamRequest(@Nullable String key, @Nullable String name, @Nullable String defaultOwner,
                         @Nullable List<String> services, @Nullable String jiraProject,
                         @Nullable DuePolicy duePolicy) {
}
