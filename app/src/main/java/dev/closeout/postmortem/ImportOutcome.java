package dev.closeout.postmortem;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** What an import did with a text. */
@Serdeable
public enum ImportOutcome {
    /** A new postmortem. */
    IMPORTED,
    /** A changed text of a source already imported: that postmortem was brought up to date. */
    UPDATED,
    /** The text was stored before: nothing changed. */
    UNCHANGED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
