package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeJiraWebhookTest {
    private record Received(Headers headers, byte[] body) {}

    private FakeJira jira;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        jira = FakeJira.start();
        jira.user("712020:dana", "Dana Kowalski", "dana@example.com");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        assertEquals(201, TestClient.cloud(jira).post("/rest/api/3/issue", TestClient.createBody("x", "pm")).status());
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        jira.close();
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @Test
    void createQueuesIssueCreated() {
        List<WebhookDelivery> pending = jira.drainWebhooks();
        assertEquals(1, pending.size());
        assertEquals("jira:issue_created", pending.get(0).event());
        assertEquals("10000", pending.get(0).issueId());
        assertTrue(jira.pendingWebhooks().isEmpty());
    }

    @Test
    void personTransitionProducesAV2PayloadWithChangelog() {
        jira.drainWebhooks();
        jira.personTransitions("OPS-1", "done", null);
        WebhookDelivery d = jira.drainWebhooks().get(0);
        JsonNode json = d.json();
        assertEquals("jira:issue_updated", json.get("webhookEvent").asText());
        assertEquals(d.timestamp(), json.get("timestamp").asLong());
        assertEquals(jira.baseUrl() + "/rest/api/2/issue/10000", json.at("/issue/self").asText());
        assertEquals("done", json.at("/issue/fields/status/statusCategory/key").asText());
        assertEquals("Done", json.at("/issue/fields/resolution/name").asText());
        assertTrue(json.at("/issue/fields/description").isTextual(), "webhooks carry wiki markup");
        JsonNode items = json.at("/changelog/items");
        assertEquals("resolution", items.get(0).get("field").asText());
        assertEquals("status", items.get(1).get("field").asText());
        assertEquals("To Do", items.get(1).get("fromString").asText());
        assertEquals("10001", items.get(1).get("to").asText());
    }

    @Test
    void personEditsBumpUpdatedStrictly() {
        FakeIssue issue = jira.issue("OPS-1").orElseThrow();
        var t0 = issue.updated();
        jira.personSetsDue("OPS-1", LocalDate.of(2026, 2, 1));
        var t1 = issue.updated();
        jira.personAssigns("OPS-1", "712020:dana");
        var t2 = issue.updated();
        assertTrue(t0.isBefore(t1) && t1.isBefore(t2));
        assertEquals("712020:dana", issue.assigneeAccountId());
        jira.personAssigns("OPS-1", null);
        assertNull(issue.assigneeAccountId());
        assertEquals(4, jira.pendingWebhooks().size());
    }

    @Test
    void deleteQueuesIssueDeleted() {
        jira.deleteIssue("OPS-1");
        assertEquals(0, jira.issueCount());
        List<WebhookDelivery> pending = jira.pendingWebhooks();
        assertEquals("jira:issue_deleted", pending.get(pending.size() - 1).event());
        assertEquals(404, TestClient.cloud(jira).get("/rest/api/3/issue/10000").status());
    }

    @Test
    void deliveryIsSignedWithHmacSha256OfTheRawBody() throws Exception {
        WebhookDelivery d = jira.pendingWebhooks().get(0);
        assertEquals(204, jira.deliver(hook(), "s3cret", d));
        Received r = received.get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body()));
        assertEquals(expected, r.headers().getFirst("X-Hub-Signature"));
        assertEquals(d.identifier(), r.headers().getFirst("X-Atlassian-Webhook-Identifier"));
        assertEquals("application/json", r.headers().getFirst("Content-Type"));
        assertNull(r.headers().getFirst("X-Atlassian-Webhook-Retry"));
        assertEquals(d.bodyText(), new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void redeliveryKeepsTheIdentifierAndCountsRetries() {
        jira.personSetsDue("OPS-1", LocalDate.of(2026, 3, 1));
        List<WebhookDelivery> pending = jira.drainWebhooks();
        assertNotEquals(pending.get(0).identifier(), pending.get(1).identifier());
        // out of order, duplicated, unsigned
        jira.deliver(hook(), null, pending.get(1));
        jira.redeliver(hook(), null, pending.get(0), 1);
        jira.redeliver(hook(), null, pending.get(1), 2);
        assertEquals(3, received.size());
        assertFalse(received.get(0).headers().containsKey("X-Hub-Signature"));
        assertEquals(pending.get(1).identifier(), received.get(2).headers().getFirst("X-Atlassian-Webhook-Identifier"));
        assertEquals("2", received.get(2).headers().getFirst("X-Atlassian-Webhook-Retry"));
    }
}
