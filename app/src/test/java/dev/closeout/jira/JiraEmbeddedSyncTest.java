package dev.closeout.jira;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sync on the embedded H2 default a first-run user gets: the claim's locking query (no index hint
 * there), the outbox's insert and reading Jira's state back must work on it too.
 */
class JiraEmbeddedSyncTest extends JiraApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.remove("datasources.default.url");
        properties.remove("datasources.default.username");
        properties.remove("datasources.default.password");
        try {
            properties.put("closeout.data-dir", Files.createTempDirectory("closeout-embedded").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void ticketsAreCreatedOnceAndJirasStateComesBack() {
        jira.user("712020:alice", "Alice Ops", "alice@example.com");
        List<Long> ids = importActions("embedded.md", postmortem("Embedded outage", 3));

        assertTrue(syncUntilSettled(3) > 0);
        assertOneIssueEach(ids);

        String key = issuesOf(ids.get(0)).get(0).key();
        jira.personTransitions(key, "done", null);
        jira.personAssigns(key, "712020:alice");
        jira.drainWebhooks();
        client.retrieve(io.micronaut.http.HttpRequest.POST("/api/integrations/jira/reconcile", "")
                .bearerAuth(dev.closeout.support.TestTokens.ADMIN), JSON_OBJECT);

        Map<String, Object> action = getJson("/api/actions/" + ids.get(0));
        assertEquals("done", action.get("status"));
        assertEquals("alice@example.com", action.get("owner"));
    }
}
