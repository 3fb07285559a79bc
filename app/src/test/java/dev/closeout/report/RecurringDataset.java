package dev.closeout.report;

import dev.closeout.action.MovableClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;

/**
 * Two years of incidents of two teams, written through the API with the clock set to each moment, so every
 * follow-up's creation, closing and reopening is dated as if it happened then. {@code web} owns Storefront and
 * Search, {@code pay} owns Checkout and Billing. The causes, by design:
 * <ul>
 *   <li>A, database / resource-exhaustion (pay): A1's three follow-ups all done by 2024-04-15; A2 on
 *   2024-09-12 — the fix did not hold; A2's follow-ups: one done, one not_doing; A3 in 2025 with both open.</li>
 *   <li>B, third-party / dependency-failure (pay): B1's k1 done, then reopened, k2 never started; B2 while they
 *   were open.</li>
 *   <li>C, certificate / expiry (web): C1's two follow-ups done by 2024-08-01; C2 on 2025-07-01; C1's m1
 *   reopened two days after C2, so it is open now but was done when C2 started.</li>
 *   <li>D, cache / configuration-change (web): D1's follow-ups both not_doing; D2 fixed after; D0 happened first
 *   but was imported after D2; G has no incident start (dated by its import).</li>
 *   <li>E, application / code-change: E1 of web, E2 of pay a month later while E1's follow-up was open.</li>
 *   <li>F (network / configuration-change, web) once; H1 and H2 (storage, trigger unknown, web); I1
 *   (application / configuration-change, pay), whose root cause reads like A's.</li>
 * </ul>
 * Today is 2026-03-10.
 */
public final class RecurringDataset {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    public static final Instant TODAY = Instant.parse("2026-03-10T12:00:00Z");

    static final String POOL_A1 = "The orders database connection pool was exhausted: a slow report query held its "
            + "connections until the pool of 50 ran out.";
    static final String POOL_A2 = "The orders database connection pool was exhausted again: checkout retries held "
            + "connections until the pool ran out.";
    static final String POOL_A3 = "The orders database connection pool was exhausted by the billing worker: leaked "
            + "connections were never returned until the pool ran out.";
    static final String POOL_I1 = "The orders database connection pool was exhausted after a configuration change "
            + "halved the pool size: checkout requests held connections until the pool ran out.";

    private final BlockingHttpClient client;
    private final MovableClock clock;
    /** Postmortem ids by name (A1, B2, ...). */
    final Map<String, Long> postmortems = new HashMap<>();
    /** Follow-up ids by postmortem name, in the order of its action items. */
    final Map<String, List<Long>> followUps = new HashMap<>();

    private RecurringDataset(BlockingHttpClient client, MovableClock clock) {
        this.client = client;
        this.clock = clock;
    }

    public static RecurringDataset create(BlockingHttpClient client, MovableClock clock) {
        RecurringDataset data = new RecurringDataset(client, clock);
        data.build();
        clock.set(TODAY);
        return data;
    }

    public long id(String name) {
        return postmortems.get(name);
    }

    long followUp(String name, int index) {
        return followUps.get(name).get(index);
    }

    private void build() {
        at("2024-01-02T09:00:00Z");
        team("web", "Web platform", List.of("Storefront", "Search"));
        team("pay", "Payments", List.of("Checkout", "Billing"));

        at("2024-02-10T09:00:00Z");
        incident("H1", "Search", "2024-02-10 08:00", "storage", "unknown",
                "The search index volume stopped accepting writes; nobody found out why.",
                "Add disk latency to the search dashboard");
        at("2024-02-20T09:00:00Z");
        incident("H2", "Search", "2024-02-20 08:00", "storage", "unknown",
                "Search index writes stalled again for reasons still not understood.",
                "Ask the storage vendor for the controller logs");

        at("2024-03-06T09:00:00Z");
        incident("A1", "Checkout", "2024-03-05 10:00", "database", "resource-exhaustion", POOL_A1,
                "Move the slow report query to the read replica",
                "Alert when the orders database pool is 80% used",
                "Set a statement timeout of 5 seconds for reports");
        at("2024-03-20T10:00:00Z");
        done("A1", 0);
        at("2024-04-02T10:00:00Z");
        done("A1", 1);
        at("2024-04-15T10:00:00Z");
        done("A1", 2);

        at("2024-05-03T09:00:00Z");
        incident("B1", "Billing", "2024-05-02 09:00", "third-party", "dependency-failure",
                "The payment provider's capture API timed out for two hours and Billing had no fallback.",
                "Retry captures with backoff when the provider times out",
                "Fail over to the second payment provider");
        at("2024-06-01T10:00:00Z");
        done("B1", 0);

        at("2024-07-01T12:00:00Z");
        incident("C1", "Storefront", "2024-07-01 06:00", "certificate", "expiry",
                "The storefront's TLS certificate expired because its renewal job had been disabled.",
                "Renew the storefront certificate and re-enable the renewal job",
                "Alert 21 days before any certificate expires");
        at("2024-07-15T10:00:00Z");
        done("C1", 0);
        at("2024-08-01T10:00:00Z");
        done("C1", 1);
        reopen("B1", 0);

        at("2024-09-13T09:00:00Z");
        incident("A2", "Checkout", "2024-09-12 14:00", "database", "resource-exhaustion", POOL_A2,
                "Cap checkout retries at two per request",
                "Give checkout its own connection pool");
        at("2024-10-01T10:00:00Z");
        done("A2", 0);
        at("2024-10-05T10:00:00Z");
        notDoing("A2", 1, "the shared pool is being replaced next quarter");

        at("2024-11-11T09:00:00Z");
        incident("D1", "Search", "2024-11-10 20:00", "cache", "configuration-change",
                "A cache TTL change to 0 seconds made every search query miss the cache and overload the index.",
                "Review cache settings changes before they are applied",
                "Add a canary for cache configuration");
        at("2024-12-01T10:00:00Z");
        notDoing("D1", 0, "covered by the platform change review");
        notDoing("D1", 1, "no canary tooling for caches this year");

        at("2025-01-16T09:00:00Z");
        incident("B2", "Billing", "2025-01-15 16:00", "third-party", "dependency-failure",
                "The payment provider's API was down again and captures failed without a fallback.",
                "Queue captures while the provider is down");

        at("2025-03-16T09:00:00Z");
        incident("D2", "Search", "2025-03-15 07:00", "cache", "configuration-change",
                "A cache eviction policy change evicted the hot search results and the index was overloaded.",
                "Validate the cache eviction policy in staging");
        at("2025-04-01T10:00:00Z");
        done("D2", 0);

        at("2025-05-01T09:00:00Z");
        incident("D0", "Search", "2024-10-01 03:00", "cache", "configuration-change",
                "A cache cluster resize dropped half the cached search results and the index was overloaded.",
                "Resize cache clusters one node at a time");
        incident("F", "Storefront", "2025-05-01 08:00", "network", "configuration-change",
                "A firewall rule pushed to the edge blocked the storefront's health checks.",
                "Test firewall rules against the health check addresses");

        at("2025-06-21T09:00:00Z");
        incident("A3", "Billing", "2025-06-20 08:00", "database", "resource-exhaustion", POOL_A3,
                "Return connections in a finally block in the billing worker",
                "Alert on connections held longer than a minute");
        at("2025-06-22T10:00:00Z");
        start("A3", 1);

        at("2025-07-01T12:00:00Z");
        incident("C2", "Storefront", "2025-07-01 06:00", "certificate", "expiry",
                "The storefront's TLS certificate expired: the renewal job ran but could not reach the CA.",
                "Let the renewal job reach the CA through the proxy");
        at("2025-07-03T10:00:00Z");
        reopen("C1", 0);

        at("2025-09-02T09:00:00Z");
        incident("E1", "Storefront", "2025-09-01 10:00", "application", "code-change",
                "A storefront release sent every basket to an empty checkout page.",
                "Add an end-to-end basket test to the release pipeline");
        at("2025-10-02T09:00:00Z");
        incident("E2", "Checkout", "2025-10-01 10:00", "application", "code-change",
                "A checkout release rejected every card with a billing address outside Europe.",
                "Test card payments with addresses of every region before release");

        at("2025-11-16T09:00:00Z");
        incident("I1", "Billing", "2025-11-15 21:00", "application", "configuration-change", POOL_I1,
                "Review pool size changes with the database team");

        at("2025-12-01T09:00:00Z");
        incident("G", "Search", null, "cache", "configuration-change",
                "A cache warm-up job was switched off and cold caches overloaded the search index.",
                "Keep the cache warm-up job in the deployment checklist");
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private void team(String key, String name, List<String> services) {
        client.retrieve(HttpRequest.POST("/api/teams", Map.of("key", key, "name", name, "default_owner",
                key + "-oncall", "services", services)).bearerAuth(ADMIN), JSON);
    }

    /** Imports a postmortem as its team would write it, then sets its root cause as a person would correct it. */
    private void incident(String name, String service, String start, String component, String trigger,
                          String rootCause, String... actions) {
        StringBuilder text = new StringBuilder("# Postmortem: ").append(service).append(" incident ").append(name)
                .append("\n\n**Service:** ").append(service).append('\n');
        if (start != null) {
            text.append("**Incident start:** ").append(start).append(" UTC\n");
        }
        text.append("\n## Root cause\n").append(rootCause).append("\n\n## Action items\n\n");
        for (String action : actions) {
            text.append("- ").append(action).append('\n');
        }
        Map<String, Object> imported = client.retrieve(HttpRequest.POST("/api/postmortems?source=wiki/" + name
                + ".md", text.toString()).contentType("text/markdown").bearerAuth(ADMIN), JSON);
        long id = ((Number) imported.get("id")).longValue();
        @SuppressWarnings("unchecked")
        List<Long> actionIds = ((List<Map<String, Object>>) imported.get("actions")).stream()
                .map(action -> ((Number) action.get("id")).longValue()).toList();
        if (actionIds.size() != actions.length) {
            throw new IllegalStateException(name + ": " + actionIds.size() + " follow-ups extracted, expected "
                    + actions.length);
        }
        client.retrieve(HttpRequest.PATCH("/api/postmortems/" + id, Map.of("root_cause", Map.of("summary",
                rootCause, "component", component, "trigger", trigger))).bearerAuth(ADMIN), JSON);
        postmortems.put(name, id);
        followUps.put(name, actionIds);
    }

    private void start(String name, int index) {
        move(name, index, "in_progress", null);
    }

    private void done(String name, int index) {
        start(name, index);
        move(name, index, "done", null);
    }

    private void notDoing(String name, int index, String reason) {
        move(name, index, "not_doing", reason);
    }

    private void reopen(String name, int index) {
        move(name, index, "open", null);
    }

    private void move(String name, int index, String to, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("to", to));
        if (reason != null) {
            body.put("reason", reason);
        }
        client.retrieve(HttpRequest.POST("/api/actions/" + followUp(name, index) + "/transitions", body)
                .bearerAuth(ADMIN), JSON);
    }
}
