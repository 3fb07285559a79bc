package dev.closeout.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PATCH /api/teams/{key}}: a field left out stays as it is, a field sent as null is cleared. Read
 * from the JSON tree because a typed body cannot tell the two apart. In {@code due_policy} the same holds
 * value by value; {@code "due_policy": null} drops every override, and {@code priority_days} is replaced
 * as a whole. The {@code jira_*} fields follow the same rule; a list or map sent is the new value whole, and
 * null gives the value back to the configuration. So do the notification settings ({@code time_zone} to
 * {@code reminder_offsets}); a webhook URL sent back as the API shows it (redacted) keeps the one stored.
 */
record TeamPatch(@Nullable Change<String> key,
                 @Nullable Change<String> name,
                 @Nullable Change<String> defaultOwner,
                 @Nullable Change<String> jiraProject,
                 @Nullable Change<List<String>> services,
                 @Nullable Change<Integer> correctiveDays,
                 @Nullable Change<Integer> preventativeDays,
                 @Nullable Change<Map<String, Integer>> priorityDays,
                 @Nullable Change<String> jiraIssueType,
                 @Nullable Change<List<String>> jiraLabels,
                 @Nullable Change<List<String>> jiraComponents,
                 @Nullable Change<Map<String, String>> jiraPriorityMap,
                 @Nullable Change<JsonNode> jiraCustomFields,
                 @Nullable Change<List<String>> jiraNotDoingResolutions,
                 @Nullable Change<String> timeZone,
                 @Nullable Change<String> email,
                 @Nullable Change<String> slackWebhookUrl,
                 @Nullable Change<String> webhookUrl,
                 @Nullable Change<String> escalationContact,
                 @Nullable Change<Map<String, String>> members,
                 @Nullable Change<List<String>> reminderOffsets) {

    private static final Set<String> FIELDS = Set.of("key", "name", "default_owner", "jira_project", "services",
            "due_policy", "jira_issue_type", "jira_labels", "jira_components", "jira_priority_map",
            "jira_custom_fields", "jira_not_doing_resolutions", "time_zone", "email", "slack_webhook_url", "webhook_url",
            "escalation_contact", "members", "reminder_offsets");
    private static final Set<String> POLICY_FIELDS = Set.of("corrective_days", "preventative_days", "priority_days");

    /** A new value for one field; {@code value} null clears it. */
    record Change<T>(@Nullable T value) {

        /** The value after the patch: {@code current} when the field was left out. */
        static <T> T applied(@Nullable Change<T> change, T current) {
            return change == null ? current : change.value();
        }
    }

    /** The patch a request body asks for; throws {@link IllegalArgumentException} naming a field it cannot read. */
    static TeamPatch from(JsonNode body) {
        requireObject(body, "body", FIELDS);
        Change<Integer> corrective = null;
        Change<Integer> preventative = null;
        Change<Map<String, Integer>> priorities = null;
        JsonNode policy = body.get("due_policy");
        if (policy != null && policy.isNull()) {
            corrective = new Change<>(null);
            preventative = new Change<>(null);
            priorities = new Change<>(Map.of());
        } else if (policy != null) {
            requireObject(policy, "due_policy", POLICY_FIELDS);
            corrective = change(policy, "corrective_days", "due_policy.corrective_days", TeamPatch::days);
            preventative = change(policy, "preventative_days", "due_policy.preventative_days", TeamPatch::days);
            priorities = change(policy, "priority_days", "due_policy.priority_days", TeamPatch::priorityDays);
            if (priorities != null && priorities.value() == null) {
                priorities = new Change<>(Map.of());
            }
        }
        return new TeamPatch(change(body, "key", "key", TeamPatch::text), change(body, "name", "name", TeamPatch::text),
                change(body, "default_owner", "default_owner", TeamPatch::text),
                change(body, "jira_project", "jira_project", TeamPatch::text),
                change(body, "services", "services", TeamPatch::texts), corrective, preventative, priorities,
                change(body, "jira_issue_type", "jira_issue_type", TeamPatch::text),
                change(body, "jira_labels", "jira_labels", TeamPatch::texts),
                change(body, "jira_components", "jira_components", TeamPatch::texts),
                change(body, "jira_priority_map", "jira_priority_map", TeamPatch::textMap),
                change(body, "jira_custom_fields", "jira_custom_fields", (node, field) -> node),
                change(body, "jira_not_doing_resolutions", "jira_not_doing_resolutions", TeamPatch::texts),
                change(body, "time_zone", "time_zone", TeamPatch::text),
                change(body, "email", "email", TeamPatch::text),
                change(body, "slack_webhook_url", "slack_webhook_url", TeamPatch::text),
                change(body, "webhook_url", "webhook_url", TeamPatch::text),
                change(body, "escalation_contact", "escalation_contact", TeamPatch::text),
                change(body, "members", "members", TeamPatch::textMap),
                change(body, "reminder_offsets", "reminder_offsets", TeamPatch::texts));
    }

    private interface Reader<T> {
        T read(JsonNode node, String field);
    }

    private static <T> @Nullable Change<T> change(JsonNode object, String name, String field, Reader<T> reader) {
        JsonNode node = object.get(name);
        if (node == null) {
            return null;
        }
        return new Change<>(node.isNull() ? null : reader.read(node, field));
    }

    private static void requireObject(JsonNode node, String field, Set<String> known) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + ": must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!known.contains(entry.getKey())) {
                throw new IllegalArgumentException(entry.getKey() + ": not a field of " + field + "; known: "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static String text(JsonNode node, String field) {
        if (!node.isString()) {
            throw new IllegalArgumentException(field + ": must be a string or null");
        }
        return node.getStringValue();
    }

    private static List<String> texts(JsonNode node, String field) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + ": must be an array of strings or null");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node.values()) {
            values.add(text(value, field + "[]"));
        }
        return values;
    }

    private static Map<String, String> textMap(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + ": must be an object of strings, or null");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            texts.put(entry.getKey(), text(entry.getValue(), field + "." + entry.getKey()));
        }
        return texts;
    }

    private static Integer days(JsonNode node, String field) {
        if (!node.isNumber() || node.getDoubleValue() != Math.rint(node.getDoubleValue())
                || Math.abs(node.getDoubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": must be a whole number of days or null");
        }
        return node.getIntValue();
    }

    private static Map<String, Integer> priorityDays(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + ": must be an object of priority to days, or null");
        }
        Map<String, Integer> days = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String priority = field + "." + entry.getKey();
            days.put(entry.getKey(), entry.getValue().isNull() ? null : days(entry.getValue(), priority));
        }
        return days;
    }
}
