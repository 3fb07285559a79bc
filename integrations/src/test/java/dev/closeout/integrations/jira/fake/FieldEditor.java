package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Validates the {@code fields}/{@code update} of a create or edit against a project's screen and schemes, collecting
 * Jira's per-field error messages, and turns the valid ones into changes applied only when nothing failed.
 */
final class FieldEditor {
    private final FakeStore store;
    private final FakeProject project;
    private final Api api;
    private final boolean creating;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<Consumer<FakeIssue>> changes = new ArrayList<>();

    private FieldEditor(FakeStore store, FakeProject project, Api api, boolean creating) {
        this.store = store;
        this.project = project;
        this.api = api;
        this.creating = creating;
    }

    /** Parses fields and update for {@code project}; project and issuetype are resolved by the caller on create. */
    static FieldEditor parse(FakeStore store, FakeProject project, JsonNode fields, JsonNode update, Api api, boolean creating) {
        FieldEditor editor = new FieldEditor(store, project, api, creating);
        if (fields != null && fields.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (update != null && update.has(e.getKey())) {
                    editor.errors.put(e.getKey(), "Field '" + e.getKey() + "' cannot be set in both fields and update.");
                } else {
                    editor.field(e.getKey(), e.getValue());
                }
            }
        }
        if (update != null && update.isObject()) {
            update.fields().forEachRemaining(e -> editor.update(e.getKey(), e.getValue()));
        }
        return editor;
    }

    Map<String, String> errors() {
        return errors;
    }

    void applyTo(FakeIssue issue) {
        changes.forEach(c -> c.accept(issue));
    }

    private void field(String name, JsonNode value) {
        if (name.equals("project") || name.equals("issuetype")) {
            if (!creating) {
                notOnScreen(name);
            }
            return;
        }
        if (!project.onCreateScreen(name)) {
            notOnScreen(name);
            return;
        }
        switch (name) {
            case "summary" -> summary(value);
            case "description" -> description(value);
            case "labels" -> labels(value, false);
            case "priority" -> priority(value);
            case "duedate" -> duedate(value);
            case "assignee" -> assignee(value);
            case "components" -> components(value);
            default -> changes.add(i -> i.customFields.put(name, value));
        }
    }

    private void update(String name, JsonNode ops) {
        if (!name.equals("labels")) {
            errors.put(name, "fake-jira: the update verb is only implemented for labels");
            return;
        }
        if (!project.onCreateScreen(name)) {
            notOnScreen(name);
            return;
        }
        for (JsonNode op : ops) {
            if (op.has("set")) {
                labels(op.get("set"), false);
            } else if (op.has("add")) {
                labels(Json.MAPPER.createArrayNode().add(op.get("add")), true);
            } else if (op.has("remove")) {
                String label = op.get("remove").asText();
                changes.add(i -> i.labels = i.labels.stream().filter(l -> !l.equals(label)).toList());
            }
        }
    }

    private void notOnScreen(String name) {
        errors.put(name, "Field '" + name + "' cannot be set. It is not on the appropriate screen, or unknown.");
    }

    private void summary(JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        } else if (value.asText().length() > 255) {
            errors.put("summary", "Summary must be less than 255 characters.");
        } else if (value.asText().contains("\n")) {
            errors.put("summary", "The summary is invalid because it contains newline characters.");
        } else {
            changes.add(i -> i.summary = value.asText());
        }
    }

    private void description(JsonNode value) {
        if (value.isNull()) {
            changes.add(i -> i.description = null);
        } else if (api.adf && !Adf.isValidDocument(value)) {
            errors.put("description", Adf.INVALID);
        } else if (!api.adf && !value.isTextual()) {
            errors.put("description", "Operation value must be a string");
        } else {
            changes.add(i -> i.description = value.deepCopy());
        }
    }

    private void labels(JsonNode value, boolean add) {
        List<String> labels = new ArrayList<>();
        for (JsonNode l : value) {
            String label = l.asText();
            if (label.isEmpty() || label.chars().anyMatch(Character::isWhitespace)) {
                errors.put("labels", "The label '" + label + "' contains spaces which is invalid.");
                return;
            }
            if (label.length() > 255) {
                errors.put("labels", "The label '" + label + "' exceeds the 255 characters limit.");
                return;
            }
            labels.add(label);
        }
        changes.add(i -> {
            List<String> next = new ArrayList<>(add ? i.labels : List.of());
            labels.stream().filter(l -> !next.contains(l)).forEach(next::add);
            // Jira keeps labels sorted
            i.labels = next.stream().sorted().toList();
        });
    }

    private void priority(JsonNode value) {
        if (value.isNull()) {
            changes.add(i -> i.priority = null);
            return;
        }
        project.priority(value.path("id").asText(null), value.path("name").asText(null)).ifPresentOrElse(
                p -> changes.add(i -> i.priority = p),
                () -> errors.put("priority", value.has("id")
                        ? "Priority with id '" + value.path("id").asText() + "' does not exist"
                        : "Specify the Priority (name) in the string format"));
    }

    private void duedate(JsonNode value) {
        if (value.isNull()) {
            changes.add(i -> i.dueDate = null);
            return;
        }
        try {
            LocalDate due = LocalDate.parse(value.asText());
            changes.add(i -> i.dueDate = due);
        } catch (DateTimeParseException e) {
            errors.put("duedate", "Error parsing date string: " + value.asText());
        }
    }

    private void assignee(JsonNode value) {
        String ref = assigneeRef(value, api);
        if (ref == null || ref.equals("-1")) {
            changes.add(i -> i.assigneeAccountId = null);
            return;
        }
        FakeUser user = store.resolveAssignable(project, ref, api);
        if (user == null) {
            errors.put("assignee", "User '" + ref + "' cannot be assigned issues.");
        } else {
            changes.add(i -> i.assigneeAccountId = user.accountId());
        }
    }

    /** Cloud names users by accountId, DC by username ({@code name}); null means unassign. */
    static String assigneeRef(JsonNode value, Api api) {
        if (value == null || value.isNull()) {
            return null;
        }
        JsonNode ref = api.accountIds ? value.get("accountId") : value.get("name");
        return ref == null || ref.isNull() ? null : ref.asText();
    }

    private void components(JsonNode value) {
        List<FakeProject.Named> components = new ArrayList<>();
        for (JsonNode c : value) {
            var found = project.component(c.path("id").asText(null), c.path("name").asText(null));
            if (found.isEmpty()) {
                errors.put("components", "Component " + (c.has("id") ? "with id '" + c.get("id").asText() + "'"
                        : "name '" + c.path("name").asText() + "'") + " is not valid");
                return;
            }
            components.add(found.get());
        }
        changes.add(i -> i.components = List.copyOf(components));
    }
}
