package dev.closeout.jira;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom field templates: checked when set, filled in per ticket without breaking the JSON. */
class CustomFieldTemplateTest {

    private final JsonMapper json = JsonMapper.createDefault();
    private final CustomFieldTemplate templates = new CustomFieldTemplate(json);
    private final TicketContext ticket = new TicketContext(42, "Say \"no\" to\nretries \\ backoff", "corrective",
            null, "pat@example.com", 7, "Checkout down", "checkout", "payments");

    @Test
    void fillsPlaceholdersInStringsEscapingQuotesBackslashesAndLineBreaks() throws IOException {
        Map<String, String> read = templates.read("jira_custom_fields", tree("""
                {"customfield_10010": {"value": "{{team.key}}"},
                 "customfield_10011": "Action {{action.id}} of PM-{{postmortem.id}}: {{action.text}}",
                 "customfield_10012": ["{{postmortem.service}}", 3, true, null],
                 "environment": "{{action.priority}}|{{ action.owner }}"}"""));

        Map<String, String> rendered = templates.render(read, ticket);

        assertEquals("{\"value\":\"payments\"}", rendered.get("customfield_10010"));
        assertEquals("\"Action 42 of PM-7: Say \\\"no\\\" to\\nretries \\\\ backoff\"", rendered.get("customfield_10011"));
        assertEquals("Action 42 of PM-7: Say \"no\" to\nretries \\ backoff",
                tree(rendered.get("customfield_10011")).getStringValue());
        assertEquals("[\"checkout\",3,true,null]", rendered.get("customfield_10012"));
        assertEquals("\"|pat@example.com\"", rendered.get("environment"));
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotFilledInAgain() {
        Map<String, String> read = templates.read("f", tree("{\"customfield_1\": \"{{action.text}}\"}"));
        TicketContext sneaky = new TicketContext(1, "{{team.key}} $1 \\", null, null, null, 2, null, null, "sre");

        assertEquals("\"{{team.key}} $1 \\\\\"", templates.render(read, sneaky).get("customfield_1"));
    }

    @Test
    void refusesUnknownPlaceholdersNamingTheField() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> templates.read(
                "jira_custom_fields", tree("{\"customfield_10010\": {\"value\": [\"{{action.title}}\"]}}")));

        assertTrue(error.getMessage().startsWith("jira_custom_fields.customfield_10010: unknown placeholder "
                + "{{action.title}}"), error.getMessage());
    }

    @Test
    void refusesFieldsThatAreNotCustomOrThatCloseoutSetsItself() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> templates.read("jira_custom_fields",
                tree("{\"customfield_x\": 1}"))).getMessage().contains("'customfield_x' is not a Jira field id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> templates.read("jira_custom_fields",
                tree("{\"labels\": [\"a\"]}"))).getMessage().contains("'labels' is set by Closeout itself"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> templates.read("jira_custom_fields",
                tree("[1]"))).getMessage().startsWith("jira_custom_fields: must be a JSON object"));
    }

    @Test
    void configuredTemplatesMustBeJsonText() {
        assertEquals(Map.of("customfield_1", "{\"value\":\"SRE\"}"),
                templates.readTexts("closeout.jira.teams.sre.custom-fields",
                        Map.of("customfield_1", " { \"value\" : \"SRE\" } ")));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> templates.readTexts(
                "closeout.jira.teams.sre.custom-fields", Map.of("customfield_1", "SRE")));

        assertTrue(error.getMessage().startsWith("closeout.jira.teams.sre.custom-fields.customfield_1: not JSON"),
                error.getMessage());
    }

    private JsonNode tree(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
