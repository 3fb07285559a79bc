package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;

/**
 * A list of names stored as one comma-separated text, as {@code team_jira}'s list columns hold them; an
 * empty list is an empty text, distinct from NULL (not set). Names never hold a comma: {@link TeamJiraSettings}
 * refuses one, as the configuration's own lists do.
 */
@Singleton
class CommaSeparatedColumn implements AttributeConverter<List<String>, String> {

    @Override
    public @Nullable String convertToPersistedValue(@Nullable List<String> names, ConversionContext context) {
        return names == null ? null : String.join(",", names);
    }

    @Override
    public @Nullable List<String> convertToEntityValue(@Nullable String text, ConversionContext context) {
        if (text == null) {
            return null;
        }
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(",", -1));
    }
}
