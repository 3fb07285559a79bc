package dev.closeout.action;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/**
 * Who found a follow-up. A person's follow-up is one the extraction missed: a re-import never flags it removed
 * from the text, and takes the text's copy of it, once the text has one, for it rather than adding another.
 */
@Serdeable
@TypeDef(type = DataType.STRING, converter = ActionOriginConverter.class)
public enum ActionOrigin {
    /** Extracted from the postmortem's text. */
    ENGINE,
    /** Added by a person ({@code POST /api/postmortems/{id}/actions}). */
    PERSON;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionOrigin fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
