package dev.closeout.team;

import dev.closeout.jira.CustomFieldTemplate;
import dev.closeout.jira.TeamJira;
import dev.closeout.notify.ReminderOffsets;
import dev.closeout.notify.SecretUrls;
import dev.closeout.notify.TeamNotify;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A team as the API shows it: {@code due_policy} is what the team overrides (null inherits),
 * {@code effective_due_policy} what its follow-ups actually get. Likewise the {@code jira_*} fields are the
 * team's own Jira settings (null: from the configuration) and {@code effective_jira} the mapping its
 * tickets get. The notification settings are the team's own; {@code effective_time_zone} and
 * {@code effective_reminder_offsets} what its reminders follow. Webhook URLs carry their token in the path, so
 * they show as {@code scheme://host/…} only (and so does an escalation contact that is a webhook); sent back so
 * on {@code PATCH}, they keep the URL stored.
 */
@Serdeable
record TeamResponse(long id, String key, String name, @Nullable String defaultOwner, @Nullable String jiraProject,
                    List<String> services, DuePolicy duePolicy, DuePolicy effectiveDuePolicy,
                    @Nullable String jiraIssueType, @Nullable List<String> jiraLabels,
                    @Nullable List<String> jiraComponents, @Nullable Map<String, String> jiraPriorityMap,
                    @Nullable Map<String, JsonNode> jiraCustomFields, @Nullable List<String> jiraNotDoingResolutions,
                    EffectiveJira effectiveJira, @Nullable String timeZone, @Nullable String email,
                    @Nullable String slackWebhookUrl, @Nullable String webhookUrl, @Nullable String escalationContact,
                    Map<String, String> members, @Nullable List<String> reminderOffsets, String effectiveTimeZone,
                    List<String> effectiveReminderOffsets, Instant createdAt, Instant updatedAt) {

    static TeamResponse of(TeamProfile profile, DuePolicy global, TeamJira jira, EffectiveJira effectiveJira,
                           CustomFieldTemplate templates, TeamNotify notify, ZoneId effectiveTimeZone,
                           List<Integer> effectiveReminderOffsets) {
        Team team = profile.team();
        return new TeamResponse(team.id(), team.teamKey(), team.name(), team.defaultOwner(), team.jiraProject(),
                profile.services(), profile.duePolicy(), profile.effectivePolicy(global),
                jira.issueType(), jira.labels(), jira.components(), jira.priorityMap(),
                jira.customFields() == null ? null : templates.values(jira.customFields()), jira.notDoingResolutions(),
                effectiveJira, notify.timeZone() == null ? null : notify.timeZone().getId(), notify.email(),
                SecretUrls.redacted(notify.slackWebhookUrl()), SecretUrls.redacted(notify.webhookUrl()),
                notify.escalationIsEmail() ? notify.escalationContact() : SecretUrls.redacted(notify.escalationContact()),
                notify.members(), notify.reminderOffsets() == null ? null : ReminderOffsets.format(notify.reminderOffsets()),
                effectiveTimeZone.getId(), ReminderOffsets.format(effectiveReminderOffsets), team.createdAt().toInstant(ZoneOffset.UTC), team.updatedAt().toInstant(ZoneOffset.UTC));
    }
}
