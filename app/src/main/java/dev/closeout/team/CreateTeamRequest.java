package dev.closeout.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/teams}. {@code key} and {@code name} are required; the rules are checked by
 * {@link Team}, {@link dev.closeout.jira.TeamJiraSettings} and
 * {@link dev.closeout.notify.TeamNotifySettings} so the answer names the field that breaks one.
 * {@code jira_custom_fields} is read as JSON because its values are any JSON.
 */
@Serdeable
record CreateTeamRequest(@Nullable String key, @Nullable String name, @Nullable String defaultOwner,
                         @Nullable List<String> services, @Nullable String jiraProject,
                         @Nullable DuePolicy duePolicy, @Nullable String jiraIssueType,
                         @Nullable List<String> jiraLabels, @Nullable List<String> jiraComponents,
                         @Nullable Map<String, String> jiraPriorityMap, @Nullable JsonNode jiraCustomFields,
                         @Nullable List<String> jiraNotDoingResolutions, @Nullable String timeZone,
                         @Nullable String email, @Nullable String slackWebhookUrl, @Nullable String webhookUrl,
                         @Nullable String escalationContact, @Nullable Map<String, String> members,
                         @Nullable List<String> reminderOffsets) {
}
