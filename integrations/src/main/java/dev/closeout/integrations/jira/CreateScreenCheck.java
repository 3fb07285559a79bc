package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeout.integrations.tracker.ProjectMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link ProjectMapping} against Jira's create metadata: the project, the issue type, and every field
 * the mapping sets on that type's create screen (Jira refuses a create with a field that is not on it).
 * Both flavours serve the same paths; Cloud lists under {@code issueTypes}/{@code fields}, Data Center under
 * {@code values}.
 */
final class CreateScreenCheck {

    /** Set by every create whatever the mapping, or filled in by Jira itself. */
    private static final Set<String> ALWAYS_SET = Set.of("project", "issuetype", "summary", "reporter");

    private final JiraHttp http;

    CreateScreenCheck(JiraHttp http) {
        this.http = http;
    }

    List<String> problems(ProjectMapping mapping) {
        String project = mapping.project();
        String projectSegment = JiraRequest.segment(project);
        if (http.send(JiraRequest.get("project/" + projectSegment).answering(404)).status() == 404) {
            return List.of("project " + project + " does not exist or the account cannot see it");
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode type : pages("issue/createmeta/" + projectSegment + "/issuetypes", "issueTypes")) {
            types.put(type.path("name").asText(), type.path("id").asText());
        }
        String typeId = types.get(mapping.issueType());
        if (typeId == null) {
            return List.of("issue type " + mapping.issueType() + " is not available in project " + project
                    + "; available: " + String.join(", ", types.keySet()));
        }
        Map<String, JsonNode> screen = new LinkedHashMap<>();
        for (JsonNode field : pages("issue/createmeta/" + projectSegment + "/issuetypes/"
                + JiraRequest.segment(typeId), "fields")) {
            screen.put(field.path("fieldId").asText(), field);
        }
        return fieldProblems(mapping, screen, project + "/" + mapping.issueType());
    }

    private static List<String> fieldProblems(ProjectMapping mapping, Map<String, JsonNode> screen, String where) {
        Set<String> sent = new LinkedHashSet<>(mapping.fields());
        if (!mapping.priorities().isEmpty()) {
            sent.add("priority");
        }
        if (!mapping.components().isEmpty()) {
            sent.add("components");
        }
        List<String> problems = new ArrayList<>();
        for (String field : sent) {
            if (!screen.containsKey(field) && !ALWAYS_SET.contains(field)) {
                problems.add("field '" + field + "' is not on the create screen of " + where);
            }
        }
        screen.forEach((id, field) -> {
            if (field.path("required").asBoolean() && !field.path("hasDefaultValue").asBoolean()
                    && !sent.contains(id) && !ALWAYS_SET.contains(id)) {
                problems.add("field '" + field.path("name").asText(id) + "' (" + id + ") is required on the create"
                        + " screen of " + where + " but the mapping does not set it");
            }
        });
        notAllowed(mapping.priorities(), screen.get("priority"), "priority", where, problems);
        notAllowed(mapping.components(), screen.get("components"), "component", where, problems);
        return problems;
    }

    private static void notAllowed(List<String> wanted, JsonNode field, String what, String where,
                                   List<String> problems) {
        if (field == null) {
            return;
        }
        Set<String> allowed = new LinkedHashSet<>();
        field.path("allowedValues").forEach(value -> allowed.add(value.path("name").asText()));
        for (String name : wanted) {
            if (!allowed.contains(name)) {
                problems.add(what + " '" + name + "' is not allowed on the create screen of " + where
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** Every item of a paged createmeta list ({@code startAt}/{@code maxResults}/{@code total}). */
    private List<JsonNode> pages(String path, String cloudList) {
        List<JsonNode> items = new ArrayList<>();
        while (true) {
            JsonNode page = http.send(JiraRequest.get(path)
                    .with("startAt", Integer.toString(items.size())).with("maxResults", "200")).body();
            JsonNode list = page.has(cloudList) ? page.path(cloudList) : page.path("values");
            list.forEach(items::add);
            boolean more = page.path("isLast").isBoolean()
                    ? !page.path("isLast").asBoolean()
                    : items.size() < page.path("total").asInt(0);
            if (list.isEmpty() || !more) {
                return items;
            }
        }
    }
}
