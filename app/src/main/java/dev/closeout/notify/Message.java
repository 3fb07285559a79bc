package dev.closeout.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One notification rendered for every channel at once: the e-mail's subject, plain-text and HTML parts, the
 * chat text in Slack's mrkdwn, and the generic webhook's JSON body (docs/notifications.md, "Webhook body").
 *
 * @param subject a line: the e-mail subject, and the first thing a chat message says
 * @param text    plain text, the e-mail's text/plain part
 * @param html    a whole HTML document, the e-mail's text/html part
 * @param mrkdwn  Slack's mrkdwn: {@code <url|label>} links, {@code *bold*}
 * @param json    the generic webhook's body, serialised as it is, in its order; a value may be null (the digest of
 *                all teams has no {@code team}, a preview no {@code notification_id}), so not {@code Map.copyOf}
 */
public record Message(String subject, String text, String html, String mrkdwn, Map<String, Object> json) {

    public Message {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(mrkdwn, "mrkdwn");
        json = Collections.unmodifiableMap(new LinkedHashMap<>(json));
    }
}
