package dev.closeout.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** How a notification goes out. The wire and database spelling is the lower-case name. */
@Serdeable
public enum Channel {
    EMAIL,
    /** A Slack-compatible incoming webhook: {@code {"text": ...}} in mrkdwn. */
    SLACK,
    /** The generic JSON webhook, signed. */
    WEBHOOK,
    /** Nobody could be reached: the row records why, as skipped. */
    NONE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
