package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** A priority map stored as a JSON object of strings, Closeout priority → Jira priority name. */
@Singleton
class PriorityMapColumn implements AttributeConverter<Map<String, String>, String> {

    private final JsonMapper json;

    PriorityMapColumn(JsonMapper json) {
        this.json = json;
    }

    @Override
    public @Nullable String convertToPersistedValue(@Nullable Map<String, String> priorities, ConversionContext context) {
        try {
            return priorities == null ? null : json.writeValueAsString(new TreeMap<>(priorities));
        } catch (IOException e) {
            throw new UncheckedIOException("a map of strings always writes", e);
        }
    }

    @Override
    public @Nullable Map<String, String> convertToEntityValue(@Nullable String text, ConversionContext context) {
        try {
            return text == null ? null : json.readValue(text, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException("team_jira.priority_map is not a JSON object of strings", e);
        }
    }
}
