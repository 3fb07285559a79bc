package dev.closeout.report;

import dev.closeout.action.MovableClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two teams' follow-ups over eleven weeks of 2026, built through the API with the clock moved to each moment,
 * so every event carries its real time. {@code pay} owns Checkout and Billing, {@code web} Search and
 * Storefront. The weekly review tests count from this story by hand:
 *
 * <pre>
 * 01-12 12:00  P1 Checkout imported (incident 01-12, database/code-change): a1 P1 corrective due 01-26,
 *              a2 P2 preventative due 02-20, a3 P2 preventative due 03-04
 * 01-13 10:00  a1 in_progress          01-20 12:00  a1 done (on time)
 * 02-03 12:00  P2 Search imported (incident 02-02, storage/resource-exhaustion): b1 P1 corrective due 02-20,
 *              b2 P3 preventative due 03-06
 * 02-04 10:00  a1 reopened (open again, overdue since 01-27)
 * 02-05 10:00  b1 in_progress          02-19 12:00  b1 done
 * 02-25 10:00  a2 due moved to 03-20 (overdue 02-21 to 02-24 only)
 * 03-02 09:00  a1 in_progress          03-02 10:00  a3 in_progress
 * 03-03 12:00  a1 done (late: 50 days after creation)
 * 03-04 09:00  a3 done (on its due day: 50.875 days)
 * 03-04 12:00  P3 Checkout imported (incident 03-03, database/code-change again): c1 P1 corrective due 03-18,
 *              c2 P2 corrective due 03-31
 * 03-05 09:00  b1 reopened             03-05 12:00  c2 not_doing (1 day)
 * 03-05 15:00  P4 Storefront imported (incident 03-05, cache/traffic-surge): d1 corrective due 03-06, no priority
 * 03-06 09:00  d1 in_progress          03-06 12:00  a2 not_doing (53 days)
 * 03-09 10:00  b2 in_progress          03-09 12:00  b2 done (late)
 * 03-10 09:00  P5 Billing imported (incident 03-09, database/code-change): e1 P1 corrective due 03-24
 * today: Wednesday 2026-03-11 12:00 UTC; the last complete week is 2026-W10 (03-02 to 03-08)
 * </pre>
 */
public final class WeeklyDataset {

    public static final Instant TODAY = Instant.parse("2026-03-11T12:00:00Z");
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final BlockingHttpClient client;
    private final MovableClock clock;
    private final Map<String, Long> actions = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> imported = new HashMap<>();
    public final Map<String, Long> postmortems = new HashMap<>();
    public final String webReader;

    private WeeklyDataset(BlockingHttpClient client, MovableClock clock) {
        this.client = client;
        this.clock = clock;
        at("2026-01-01T08:00:00Z");
        team("web", "Web platform", List.of("Search", "Storefront"));
        team("pay", "Payments", List.of("Checkout", "Billing"));
        webReader = (String) client.retrieve(HttpRequest.POST("/api/tokens", Map.of("name", "web-review",
                "role", "reader", "team", "web")).bearerAuth(ADMIN), JSON).get("token");

        at("2026-01-12T12:00:00Z");
        postmortem("P1", "Checkout errors after a schema migration", "Checkout", "2026-01-12 09:00",
                "database", "code-change",
                "| Add a migration lock check to the deploy pipeline | corrective | priya | 2026-01-26 | P1 |",
                "| Alert on the checkout error rate | preventative | priya | 2026-02-20 | P2 |",
                "| Load test the orders database before each release | preventative | sam | 2026-03-04 | P2 |");
        name("a1", "P1", 0);
        name("a2", "P1", 1);
        name("a3", "P1", 2);
        move("2026-01-13T10:00:00Z", "a1", "in_progress");
        move("2026-01-20T12:00:00Z", "a1", "done");

        at("2026-02-03T12:00:00Z");
        postmortem("P2", "Search results empty for forty minutes", "Search", "2026-02-02 08:00",
                "storage", "resource-exhaustion",
                "| Delete old index snapshots nightly | corrective | lee | 2026-02-20 | P1 |",
                "| Alert when the index disk is 80% full | preventative | lee | 2026-03-06 | P3 |");
        name("b1", "P2", 0);
        name("b2", "P2", 1);
        move("2026-02-04T10:00:00Z", "a1", "open");
        move("2026-02-05T10:00:00Z", "b1", "in_progress");
        move("2026-02-19T12:00:00Z", "b1", "done");
        at("2026-02-25T10:00:00Z");
        client.exchange(HttpRequest.PATCH("/api/actions/" + id("a2"), Map.of("due", "2026-03-20", "version",
                version("a2"))).bearerAuth(ADMIN));
        move("2026-03-02T09:00:00Z", "a1", "in_progress");
        move("2026-03-02T10:00:00Z", "a3", "in_progress");
        move("2026-03-03T12:00:00Z", "a1", "done");
        move("2026-03-04T09:00:00Z", "a3", "done");

        at("2026-03-04T12:00:00Z");
        postmortem("P3", "Checkout down after another migration", "Checkout", "2026-03-03 14:00",
                "database", "code-change",
                "| Gate deploys on a migration review | corrective | priya | 2026-03-18 | P1 |",
                "| Write the rollback runbook | corrective | sam | 2026-03-31 | P2 |");
        name("c1", "P3", 0);
        name("c2", "P3", 1);
        move("2026-03-05T09:00:00Z", "b1", "open");
        move("2026-03-05T12:00:00Z", "c2", "not_doing");

        at("2026-03-05T15:00:00Z");
        postmortem("P4", "Storefront pages slow at lunch", "Storefront", "2026-03-05 10:00",
                "cache", "traffic-surge",
                "| Add a CDN cache rule for product pages | corrective | kim | 2026-03-06 | |");
        name("d1", "P4", 0);
        move("2026-03-06T09:00:00Z", "d1", "in_progress");
        move("2026-03-06T12:00:00Z", "a2", "not_doing");
        move("2026-03-09T10:00:00Z", "b2", "in_progress");
        move("2026-03-09T12:00:00Z", "b2", "done");

        at("2026-03-10T09:00:00Z");
        postmortem("P5", "Billing charged twice", "Billing", "2026-03-09 07:00", "database", "code-change",
                "| Make the capture job idempotent | corrective | ana | 2026-03-24 | P1 |");
        name("e1", "P5", 0);
        clock.set(TODAY);
    }

    public static WeeklyDataset build(BlockingHttpClient client, MovableClock clock) {
        return new WeeklyDataset(client, clock);
    }

    public long id(String name) {
        return actions.get(name);
    }

    void move(String at, String name, String to) {
        at(at);
        Map<String, Object> body = new HashMap<>(Map.of("to", to));
        if (to.equals("not_doing")) {
            body.put("reason", "covered by another follow-up");
        }
        client.exchange(HttpRequest.POST("/api/actions/" + id(name) + "/transitions", body).bearerAuth(ADMIN));
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private void postmortem(String name, String title, String service, String incidentStart, String component,
                            String trigger, String... actionRows) {
        String markdown = "# Postmortem: " + title + "\n\n**Service:** " + service + "\n**Incident start:** "
                + incidentStart + " UTC\n\n## Root cause\nSee the timeline.\n\n## Action items\n\n"
                + "| Action | Type | Owner | Due | Priority |\n| --- | --- | --- | --- | --- |\n"
                + String.join("\n", actionRows) + "\n";
        Map<String, Object> postmortem = client.retrieve(HttpRequest.POST("/api/postmortems?source=review/" + name
                + ".md", markdown).contentType("text/markdown").bearerAuth(ADMIN), JSON);
        long id = idOf(postmortem);
        postmortems.put(name, id);
        client.exchange(HttpRequest.PATCH("/api/postmortems/" + id, Map.of("root_cause", Map.of("component",
                component, "trigger", trigger))).bearerAuth(ADMIN));
        List<Map<String, Object>> items = listOf(postmortem.get("actions"));
        assertEquals(actionRows.length, items.size(), name + "'s actions: " + items);
        for (int i = 0; i < actionRows.length; i++) {
            String due = actionRows[i].split("\\|")[4].strip();
            assertEquals(LocalDate.parse(due).toString(), items.get(i).get("due"), name + " action " + i);
        }
        imported.put(name, items);
    }

    private void name(String action, String postmortem, int position) {
        actions.put(action, idOf(imported.get(postmortem).get(position)));
    }

    private long version(String name) {
        return ((Number) client.retrieve(HttpRequest.GET("/api/actions/" + id(name)).bearerAuth(ADMIN),
                JSON).get("version")).longValue();
    }

    private void team(String key, String title, List<String> services) {
        client.exchange(HttpRequest.POST("/api/teams", Map.of("key", key, "name", title, "default_owner",
                key + "-oncall", "services", services)).bearerAuth(ADMIN));
    }

    private static long idOf(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
