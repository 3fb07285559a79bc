package dev.closeout.team;

import dev.closeout.jira.CustomFieldTemplate;
import dev.closeout.jira.TeamJira;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A team as the API shows it: {@code due_policy} is what the team overrides (null inherits),
 * {@code effective_due_policy} what its follow-ups actually get. Likewise the {@code jira_*} fields are the
 * team's own Jira settings (null: from the configuration) and {@code effective_jira} the mapping its
 * tickets get.
 */
@Serdeable
record TeamResponse(long id, String key, String name, @Nullable String defaultOwner, @Nullable String jiraProject,
                    List<String> services, DuePolicy duePolicy, DuePolicy effectiveDuePolicy,
                    @Nullable String jiraIssueType, @Nullable List<String> jiraLabels,
                    @Nullable List<String> jiraComponents, @Nullable Map<String, String> jiraPriorityMap,
                    @Nullable Map<String, JsonNode> jiraCustomFields, @Nullable List<String> jiraNotDoingResolutions,
                    EffectiveJira effectiveJira, Instant createdAt, Instant updatedAt) {

    static TeamResponse of(TeamProfile profile, DuePolicy global, TeamJira jira, EffectiveJira effectiveJira,
                           CustomFieldTemplate templates) {
        Team team = profile.team();
        return new TeamResponse(team.id(), team.teamKey(), team.name(), team.defaultOwner(), team.jiraProject(),
                profile.services(), profile.duePolicy(), profile.effectivePolicy(global),
                jira.issueType(), jira.labels(), jira.components(), jira.priorityMap(),
                jira.customFields() == null ? null : templates.values(jira.customFields()), jira.notDoingResolutions(),
                effectiveJira, team.createdAt().toInstant(ZoneOffset.UTC), team.updatedAt().toInstant(ZoneOffset.UTC));
    }
}
