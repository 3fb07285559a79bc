package dev.closeout.storage;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;

import java.util.function.Function;

/**
 * Stores an enum as its lower-case wire name, the spelling the API uses too. Each enum needs a subclass of its
 * own: Micronaut Data finds the converter by the class its {@code @TypeDef} names.
 */
public abstract class WireNameConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Function<E, String> wireName;
    private final Function<String, E> fromWireName;

    protected WireNameConverter(Function<E, String> wireName, Function<String, E> fromWireName) {
        this.wireName = wireName;
        this.fromWireName = fromWireName;
    }

    @Override
    public String convertToPersistedValue(E value, ConversionContext context) {
        return value == null ? null : wireName.apply(value);
    }

    @Override
    public E convertToEntityValue(String value, ConversionContext context) {
        return value == null ? null : fromWireName.apply(value);
    }
}
