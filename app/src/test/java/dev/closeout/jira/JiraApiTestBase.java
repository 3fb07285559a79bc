package dev.closeout.jira;

import dev.closeout.integrations.jira.fake.FakeIssue;
import dev.closeout.integrations.jira.fake.FakeJira;
import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The application with the Jira sync on, talking to a fake Jira that checks every request against
 * Atlassian's OpenAPI spec; a request off the spec fails the class when the fake closes. The schedules are
 * an hour apart, so tests run passes themselves. Retries come at once; the read time-out is one no
 * load reaches, so an answer on its way always arrives (a lost answer is the fake closing the connection,
 * which costs its hold, not the time-out).
 */
public abstract class JiraApiTestBase extends ApiTestBase {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    protected FakeJira jira;

    /** Where the next test's ids start: high, and past the last test's, since the fake Jira outlives a test. */
    private static final AtomicLong NEXT_IDS = new AtomicLong(100_000);

    @Override
    public Map<String, String> getProperties() {
        jira = FakeJira.start();
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(jiraProperties());
        return properties;
    }

    protected Map<String, String> jiraProperties() {
        return properties(jira);
    }

    /**
     * The settings that point Closeout at {@code jira}, for tests of other parts that need the sync on: the
     * schedules an hour apart (the test runs passes itself), retries at once, a read time-out no load reaches.
     */
    public static Map<String, String> properties(FakeJira jira) {
        Map<String, String> properties = new HashMap<>();
        properties.put("closeout.jira.enabled", "true");
        properties.put("closeout.jira.base-url", jira.baseUrl().toString());
        properties.put("closeout.jira.flavour", "cloud");
        properties.put("closeout.jira.email", FakeJira.EMAIL);
        properties.put("closeout.jira.api-token", FakeJira.API_TOKEN);
        properties.put("closeout.jira.webhook-secret", WEBHOOK_SECRET);
        properties.put("closeout.jira.default-project", "OPS");
        properties.put("closeout.jira.sync-interval", "1h");
        properties.put("closeout.jira.reconcile-interval", "1h");
        properties.put("closeout.jira.search-settle", "0s");
        properties.put("closeout.jira.retry-delay", "0s");
        properties.put("closeout.jira.read-timeout", "60s");
        properties.put("closeout.jira.max-backoff", "10ms");
        return properties;
    }

    @AfterAll
    void closeJira() {
        // throws when any request Closeout sent did not conform to the spec
        jira.close();
    }

    /**
     * Ids as on a server that has run a while: far past the -128..127 that boxed Longs share, and past every
     * id an earlier test of the class used (its tickets are still in the fake Jira).
     */
    protected void startIdsHigh() {
        long start = NEXT_IDS.getAndAdd(100_000);
        transactions.executeWrite(s -> {
            dsl.execute("ALTER TABLE postmortem AUTO_INCREMENT = " + start);
            dsl.execute("ALTER TABLE action_item AUTO_INCREMENT = " + start);
            return null;
        });
    }

    /** A postmortem whose corrective actions are {@code count} bullets, each a distinct follow-up. */
    protected static String postmortem(String title, int count) {
        StringBuilder text = new StringBuilder("# " + title + "\n\n## Root cause\n\nA bad deploy of the "
                + "payments service removed a database index.\n\n## Corrective and preventative measures\n\n");
        for (int i = 1; i <= count; i++) {
            text.append("- Add a migration check number ").append(i).append(" for ").append(title).append('\n');
        }
        return text.toString();
    }

    /** Imports a postmortem and answers its follow-ups' ids. */
    protected List<Long> importActions(String source, String text) {
        Map<String, Object> body = importJson(source, text).body();
        return list(body.get("actions")).stream().map(ApiTestBase::id).toList();
    }

    /** Runs sync passes through the API until nothing is pending, at most {@code passes} times. */
    protected int syncUntilSettled(int passes) {
        for (int pass = 1; pass <= passes; pass++) {
            client.retrieve(HttpRequest.POST("/api/integrations/jira/sync", "").bearerAuth(ADMIN), JSON_OBJECT);
            if (pending() == 0) {
                return pass;
            }
        }
        return -1;
    }

    protected int pending() {
        return ((Number) getJson("/api/integrations/jira/status").get("pending")).intValue();
    }

    protected Map<String, Object> ticketOf(long actionId) {
        return getJson("/api/actions/" + actionId + "/ticket");
    }

    /** The fake's issues carrying the follow-up's own label. */
    protected List<FakeIssue> issuesOf(long actionId) {
        return jira.issues().stream().filter(i -> i.labels().contains(JiraSync.actionLabel(actionId))).toList();
    }

    protected void assertOneIssueEach(List<Long> actionIds) {
        Map<String, Long> byLabel = new HashMap<>();
        for (FakeIssue issue : jira.issues()) {
            issue.labels().stream().filter(l -> l.startsWith("closeout-")).forEach(l -> byLabel.merge(l, 1L, Long::sum));
        }
        for (long id : actionIds) {
            assertEquals(1L, byLabel.getOrDefault(JiraSync.actionLabel(id), 0L), "tickets of follow-up " + id);
        }
    }
}
