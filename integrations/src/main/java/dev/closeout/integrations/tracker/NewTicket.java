package dev.closeout.integrations.tracker;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A ticket to create for one follow-up.
 *
 * @param project       project key
 * @param issueType     issue type name (for example {@code Task})
 * @param summary       one line; adapters cut it to the tracker's limit
 * @param description   what the ticket says, rendered by each adapter in its own markup
 * @param labels        labels without whitespace, the idempotency label {@code closeout-<action id>} among them
 * @param priority      priority name in the tracker, or null for the project's default
 * @param due           due date, or null
 * @param assigneeId    {@link TrackerUser#id()} of the assignee, or null for unassigned
 * @param components    component names in the project
 * @param customFields  extra fields as the tracker expects them (field id → JSON text of the value),
 *                      from the team's mapping
 * @param propertyKey   the issue property that carries {@code actionId}
 * @param actionId      the follow-up this ticket is for
 */
public record NewTicket(String project, String issueType, String summary, Description description,
                        List<String> labels, String priority, LocalDate due, String assigneeId,
                        List<String> components, Map<String, String> customFields,
                        String propertyKey, long actionId) {

    public NewTicket {
        labels = List.copyOf(labels);
        components = List.copyOf(components);
        customFields = Map.copyOf(customFields);
    }
}
