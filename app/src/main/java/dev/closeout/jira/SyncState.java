package dev.closeout.jira;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Where a follow-up's ticket stands. The wire and database spelling is the lower-case name. */
@Serdeable
public enum SyncState {
    /** Work is queued: create or link the ticket, make its link back, or push a change made in Closeout. */
    PENDING,
    /** The ticket is there and has everything Closeout knows. */
    SYNCED,
    /** A permanent error: left alone until the configuration or the follow-up changes. */
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncState fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
