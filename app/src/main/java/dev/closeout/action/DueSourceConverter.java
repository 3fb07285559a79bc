package dev.closeout.action;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

@Singleton
class DueSourceConverter implements AttributeConverter<DueSource, String> {

    @Override
    public String convertToPersistedValue(DueSource source, ConversionContext context) {
        return source == null ? null : source.wireName();
    }

    @Override
    public DueSource convertToEntityValue(String value, ConversionContext context) {
        return DueSource.fromWireName(value);
    }
}
