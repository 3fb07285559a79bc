package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Custom field templates (field id → JSON text of the value) stored as one JSON object of those values,
 * so the column reads as the API shows it.
 */
@Singleton
class CustomFieldsColumn implements AttributeConverter<Map<String, String>, String> {

    private final JsonMapper json;

    CustomFieldsColumn(JsonMapper json) {
        this.json = json;
    }

    @Override
    public @Nullable String convertToPersistedValue(@Nullable Map<String, String> templates, ConversionContext context) {
        if (templates == null) {
            return null;
        }
        try {
            Map<String, JsonNode> values = new TreeMap<>();
            for (Map.Entry<String, String> template : templates.entrySet()) {
                JsonNode value = json.readValue(template.getValue(), JsonNode.class);
                values.put(template.getKey(), value == null ? JsonNode.nullNode() : value);
            }
            return json.writeValueAsString(JsonNode.createObjectNode(values));
        } catch (IOException e) {
            throw new UncheckedIOException("custom field templates are JSON once checked", e);
        }
    }

    @Override
    public @Nullable Map<String, String> convertToEntityValue(@Nullable String text, ConversionContext context) {
        if (text == null) {
            return null;
        }
        try {
            Map<String, String> templates = new TreeMap<>();
            for (Map.Entry<String, JsonNode> value : json.readValue(text, JsonNode.class).entries()) {
                templates.put(value.getKey(), json.writeValueAsString(value.getValue()));
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException("team_jira.custom_fields is not a JSON object", e);
        }
    }
}
