package dev.closeout.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** What a notification is. The wire and database spelling is the lower-case name. */
@Serdeable
public enum NotificationKind {
    /** To a follow-up's owner, at an offset from its due date. */
    REMINDER,
    /** To the team's escalation contact, once a follow-up is overdue by {@code escalate-after}, then weekly. */
    ESCALATION,
    /** A team's weekly review, or all teams' for {@code review-recipients}, each Monday. */
    DIGEST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
