package dev.closeout.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Where a notification stands. The wire and database spelling is the lower-case name. */
@Serdeable
public enum NotificationState {
    /** To send: now, or after a passing failure at its next attempt. */
    PENDING,
    SENT,
    /** Refused for good (a bad address, a webhook that is gone); the reason says by whom. */
    FAILED,
    /** Not sent, on purpose: nobody to send it to, or the follow-up closed, moved or was snoozed first. */
    SKIPPED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationState fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
