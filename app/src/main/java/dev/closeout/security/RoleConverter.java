package dev.closeout.security;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

@Singleton
class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToPersistedValue(Role role, ConversionContext context) {
        return role == null ? null : role.wireName();
    }

    @Override
    public Role convertToEntityValue(String value, ConversionContext context) {
        return value == null ? null : Role.fromWireName(value);
    }
}
