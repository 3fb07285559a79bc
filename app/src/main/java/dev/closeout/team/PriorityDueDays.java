package dev.closeout.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One entry of a team's per-priority due-date table; the priority is lower-case. */
@MappedEntity("team_due_priority")
record PriorityDueDays(@Id @GeneratedValue @Nullable Long id, long teamId, String priority, int days) {
}
