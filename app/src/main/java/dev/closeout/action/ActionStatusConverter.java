package dev.closeout.action;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

@Singleton
class ActionStatusConverter implements AttributeConverter<ActionStatus, String> {

    @Override
    public String convertToPersistedValue(ActionStatus status, ConversionContext context) {
        return status == null ? null : status.wireName();
    }

    @Override
    public ActionStatus convertToEntityValue(String value, ConversionContext context) {
        return value == null ? null : ActionStatus.fromWireName(value);
    }
}
