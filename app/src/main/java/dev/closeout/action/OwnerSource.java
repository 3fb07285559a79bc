package dev.closeout.action;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/**
 * Where a follow-up's owner came from, as {@link DueSource} tells of its due date. A postmortem's labels name an
 * owner the text or a person named, never a team's default.
 */
@Serdeable
@TypeDef(type = DataType.STRING, converter = OwnerSourceConverter.class)
public enum OwnerSource {
    /** Named in the postmortem. */
    SOURCE,
    /** The default owner of the follow-up's team, given when the postmortem named none. */
    TEAM,
    /** Set by a person, through the API or in the issue tracker. */
    PERSON;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static @Nullable OwnerSource fromWireName(@Nullable String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
