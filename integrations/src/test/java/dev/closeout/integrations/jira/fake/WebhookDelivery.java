package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One admin-webhook delivery as Jira would POST it. The identifier stays the same when the delivery is re-sent,
 * which is what receivers de-duplicate on.
 */
public final class WebhookDelivery {
    private final String identifier;
    private final String event;
    private final long timestamp;
    private final byte[] body;

    WebhookDelivery(String identifier, String event, long timestamp, byte[] body) {
        this.identifier = identifier;
        this.event = event;
        this.timestamp = timestamp;
        this.body = body.clone();
    }

    public String identifier() { return identifier; }

    /** {@code jira:issue_created}, {@code jira:issue_updated} or {@code jira:issue_deleted}. */
    public String event() { return event; }

    /** Epoch milliseconds, as in the payload. */
    public long timestamp() { return timestamp; }

    public byte[] body() { return body.clone(); }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issueId() { return json().path("issue").path("id").asText(); }

    @Override
    public String toString() {
        return event + " " + identifier + " " + json().path("issue").path("key").asText();
    }
}
