package dev.closeout.action;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/**
 * Where a follow-up's due date came from. A date a person set is theirs: re-imports and policy changes
 * move only dates that came from the postmortem or the policy.
 */
@Serdeable
@TypeDef(type = DataType.STRING, converter = DueSourceConverter.class)
public enum DueSource {
    /** Written in the postmortem. */
    SOURCE,
    /** Computed by the due-date policy from the incident and the priority. */
    POLICY,
    /** Set by a person through the API. */
    PERSON;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static @Nullable DueSource fromWireName(@Nullable String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
