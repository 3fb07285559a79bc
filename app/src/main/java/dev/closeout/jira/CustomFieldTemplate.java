package dev.closeout.jira;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping's custom fields as Jira gets them. Each is a template: a JSON value whose strings may hold
 * placeholders such as {@code {{action.id}}} ({@link TicketContext#PLACEHOLDERS}), filled in for each
 * ticket. Templates are checked when they are set, so a bad one is refused then rather than failing every
 * ticket later. They travel as {@link JiraMapping#customFields()} does: Jira field id → compact JSON text.
 */
@Singleton
public class CustomFieldTemplate {

    /** Jira's ids of custom fields: {@code customfield_} and the field's number. */
    static final Pattern CUSTOM_FIELD = Pattern.compile("^customfield_\\d{1,18}$");
    /** System fields Closeout leaves alone, so a template may fill them. */
    static final Set<String> SYSTEM_FIELDS =
            Set.of("environment", "fixVersions", "versions", "reporter", "security", "parent", "timetracking");
    /** Fields Closeout fills itself from the follow-up and the mapping: a template would fight over them. */
    static final Set<String> OWN_FIELDS = Set.of("project", "issuetype", "summary", "description", "labels",
            "priority", "duedate", "assignee", "components");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private final JsonMapper json;

    CustomFieldTemplate(JsonMapper json) {
        this.json = json;
    }

    /**
     * Templates from a JSON object (field id → value), checked; throws {@link IllegalArgumentException}
     * naming {@code field}, or {@code field.<id>}, when one is not a field Closeout may set or uses an
     * unknown placeholder.
     */
    public Map<String, String> read(String field, JsonNode templates) {
        if (!templates.isObject()) {
            throw new IllegalArgumentException(field + ": must be a JSON object of Jira field id to value, or null");
        }
        Map<String, String> read = new TreeMap<>();
        for (Map.Entry<String, JsonNode> template : templates.entries()) {
            read.put(checkedId(field, template.getKey()),
                    write(checked(field + "." + template.getKey(), template.getValue())));
        }
        return read;
    }

    /**
     * Templates given as JSON text each, as {@code closeout.jira.teams.<key>.custom-fields} holds them, checked
     * like {@link #read(String, JsonNode)}; a text that is not JSON is refused too.
     */
    public Map<String, String> readTexts(String field, Map<String, String> templates) {
        Map<String, String> read = new TreeMap<>();
        templates.forEach((id, text) -> read.put(checkedId(field, id),
                write(checked(field + "." + id, parse(field + "." + id, text)))));
        return read;
    }

    /** The templates as JSON values, to show them. */
    public Map<String, JsonNode> values(Map<String, String> templates) {
        Map<String, JsonNode> values = new TreeMap<>();
        templates.forEach((id, text) -> values.put(id, parse(id, text)));
        return values;
    }

    /**
     * The custom fields of one follow-up's ticket: field id → JSON text of the value, each placeholder
     * replaced by the follow-up's value. Values are put in as JSON strings, so quotes, backslashes and line
     * breaks in them are escaped and cannot change the document's shape.
     */
    public Map<String, String> render(Map<String, String> templates, TicketContext ticket) {
        Map<String, String> values = ticket.values();
        Map<String, String> rendered = new TreeMap<>();
        templates.forEach((id, template) -> rendered.put(id, write(filled(id, parse(id, template), values))));
        return rendered;
    }

    /**
     * The Jira field id a configuration key stands for: Micronaut hyphenates property names, so
     * {@code custom-fields.customfield_10010} is bound as {@code customfield-10010} and {@code fixVersions} as
     * {@code fix-versions}. No Jira field id holds a hyphen, so the original is certain.
     */
    public static String fieldIdOf(String configurationKey) {
        if (configurationKey.startsWith("customfield-")) {
            return "customfield_" + configurationKey.substring("customfield-".length());
        }
        return SYSTEM_FIELDS.stream()
                .filter(id -> id.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT).equals(configurationKey))
                .findFirst().orElse(configurationKey);
    }

    private static String checkedId(String field, String id) {
        if (OWN_FIELDS.contains(id)) {
            throw new IllegalArgumentException(field + ": '" + id + "' is set by Closeout itself"
                    + " (from the follow-up or the mapping's own settings), not by a custom field template");
        }
        if (!CUSTOM_FIELD.matcher(id).matches() && !SYSTEM_FIELDS.contains(id)) {
            throw new IllegalArgumentException(field + ": '" + id + "' is not a Jira field id; use customfield_<number>"
                    + " or one of " + SYSTEM_FIELDS.stream().sorted().toList());
        }
        return id;
    }

    /** {@code template} when every placeholder in its strings is known; throws naming {@code field} otherwise. */
    private static JsonNode checked(String field, JsonNode template) {
        if (template.isString()) {
            Matcher placeholder = PLACEHOLDER.matcher(template.getStringValue());
            while (placeholder.find()) {
                if (!TicketContext.PLACEHOLDERS.contains(placeholder.group(1))) {
                    throw new IllegalArgumentException(field + ": unknown placeholder " + placeholder.group()
                            + "; known: " + TicketContext.PLACEHOLDERS.stream().map(name -> "{{" + name + "}}").toList());
                }
            }
        }
        if (template.isContainerNode()) {
            template.values().forEach(value -> checked(field, value));
        }
        return template;
    }

    private static JsonNode filled(String field, JsonNode template, Map<String, String> values) {
        if (template.isString()) {
            return JsonNode.createStringNode(PLACEHOLDER.matcher(template.getStringValue()).replaceAll(placeholder -> {
                String value = values.get(placeholder.group(1));
                if (value == null) {
                    throw new IllegalArgumentException(field + ": unknown placeholder " + placeholder.group());
                }
                return Matcher.quoteReplacement(value);
            }));
        }
        if (template.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            template.values().forEach(item -> items.add(filled(field, item, values)));
            return JsonNode.createArrayNode(items);
        }
        if (template.isObject()) {
            // keys are the field's structure ("value", "id"), never filled in
            Map<String, JsonNode> members = new LinkedHashMap<>();
            template.entries().forEach(member -> members.put(member.getKey(), filled(field, member.getValue(), values)));
            return JsonNode.createObjectNode(members);
        }
        return template;
    }

    private JsonNode parse(String field, String text) {
        try {
            JsonNode value = json.readValue(text, JsonNode.class);
            return value == null ? JsonNode.nullNode() : value;
        } catch (IOException e) {
            throw new IllegalArgumentException(field + ": not JSON (" + e.getMessage() + "); a string value needs its"
                    + " quotes, e.g. '\"SRE\"'");
        }
    }

    private String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree always writes", e);
        }
    }
}
