package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a custom field template may say about the follow-up its ticket is for: the values of the
 * {@code {{action.id}}}-style placeholders. A value the follow-up lacks (no owner, no priority) is filled in
 * as an empty string.
 */
public record TicketContext(long actionId, String text, @Nullable String kind, @Nullable String priority,
                            @Nullable String owner, long postmortemId, @Nullable String postmortemTitle,
                            @Nullable String service, @Nullable String teamKey) {

    /** The placeholder names a template may use, between double braces. */
    public static final List<String> PLACEHOLDERS = List.of("action.id", "action.text", "action.kind",
            "action.priority", "action.owner", "postmortem.id", "postmortem.title", "postmortem.service", "team.key");

    /** Placeholder name → value, in the order of {@link #PLACEHOLDERS}. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("action.id", Long.toString(actionId));
        values.put("action.text", orEmpty(text));
        values.put("action.kind", orEmpty(kind));
        values.put("action.priority", orEmpty(priority));
        values.put("action.owner", orEmpty(owner));
        values.put("postmortem.id", Long.toString(postmortemId));
        values.put("postmortem.title", orEmpty(postmortemTitle));
        values.put("postmortem.service", orEmpty(service));
        values.put("team.key", orEmpty(teamKey));
        return values;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
