package dev.closeout.notify;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTest {

    @Test
    void theWebhookBodyKeepsItsNullsAndItsOrder() {
        // a digest previewed has no notification yet; a follow-up may have no owner
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("notification_id", null);
        json.put("kind", "digest");
        json.put("team", null);
        json.put("week", "2026-W49");

        Message message = new Message("Weekly review 2026-W49", "text", "<p>html</p>", "*mrkdwn*", json);

        assertEquals(List.of("notification_id", "kind", "team", "week"), List.copyOf(message.json().keySet()));
        assertTrue(message.json().containsKey("team"));
        json.put("kind", "changed");
        assertEquals("digest", message.json().get("kind"), "the message keeps its own copy");
    }
}
