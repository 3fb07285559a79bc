package dev.closeout.integrations.tracker;

import java.util.List;

/**
 * Where and how a team's tickets are created: checked against the tracker by
 * {@link IssueTracker#problemsWith(ProjectMapping)}.
 *
 * @param project       project key
 * @param issueType     issue type name
 * @param fields        the fields a create sets besides project, issue type and summary
 *                      (for example {@code description}, {@code labels}, {@code priority}, {@code duedate},
 *                      {@code assignee}, {@code components}, custom field ids)
 * @param priorities    priority names the mapping may send
 * @param components    component names the mapping sends
 */
public record ProjectMapping(String project, String issueType, List<String> fields, List<String> priorities,
                             List<String> components) {

    public ProjectMapping {
        fields = List.copyOf(fields);
        priorities = List.copyOf(priorities);
        components = List.copyOf(components);
    }

    public static ProjectMapping of(String project, String issueType, List<String> fields) {
        return new ProjectMapping(project, issueType, fields, List.of(), List.of());
    }

}
