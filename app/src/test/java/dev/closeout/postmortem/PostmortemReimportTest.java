package dev.closeout.postmortem;

import dev.closeout.security.ApiTokens;
import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A changed text from the same source updates its postmortem and keeps what people did in Closeout. */
class PostmortemReimportTest extends ApiTestBase {

    private static final String SOURCE = "wiki/checkout-outage";
    private static final String ALERT = "Add an alert on queue depth for the payment workers, the refund workers and "
            + "the invoice workers";
    private static final String POOL = "Raise the connection pool size of the orders database";
    private static final String RUNBOOK = "Document the failover runbook for the cache cluster";
    private static final String CERTIFICATE = "Rotate the TLS certificate of the public gateway";
    private static final String EDITED_ALERT = "Add an alert on queue depth for the payments workers, the refund "
            + "workers and the invoice workers, due 2025-03-01";

    @Inject
    PostmortemImporter importer;

    @Test
    void reimportUpdatesTheSamePostmortemAndReportsWhatChanged() {
        Map<String, Object> first = importJson(SOURCE, postmortem(ALERT, POOL, RUNBOOK)).body();

        HttpResponse<Map<String, Object>> second = importJson(SOURCE, postmortem(EDITED_ALERT, POOL, CERTIFICATE));

        assertEquals(HttpStatus.OK, second.getStatus());
        Map<String, Object> body = second.body();
        assertEquals(first.get("id"), body.get("id"));
        assertNotEquals(first.get("content_hash"), body.get("content_hash"));
        assertEquals(Map.of("added", 1, "updated", 1, "removed", 1, "kept", 1), body.get("reimport"));
        List<Map<String, Object>> actions = list(body.get("actions"));
        assertEquals(List.of(EDITED_ALERT, POOL, CERTIFICATE, RUNBOOK),
                actions.stream().map(action -> action.get("text")).toList());
        assertEquals(List.of(false, false, false, true),
                actions.stream().map(action -> action.get("removed_from_source")).toList());
        List<Map<String, Object>> before = list(first.get("actions"));
        assertEquals(before.get(0).get("id"), actions.get(0).get("id"));
        assertEquals(before.get(2).get("id"), actions.get(3).get("id"));
        assertEquals(1, list(getJson("/api/postmortems").get("items")).size());
    }

    @Test
    void reimportKeepsStatusOwnerAndAPersonsDueDate() {
        List<Map<String, Object>> before = list(importJson(SOURCE, postmortem(ALERT, POOL, RUNBOOK)).body()
                .get("actions"));
        long alert = id(before.get(0));
        long pool = id(before.get(1));
        long runbook = id(before.get(2));
        LocalDate personsDue = LocalDate.of(2030, 1, 15);
        transactions.executeWrite(status -> {
            dsl.update(ACTION_ITEM).set(ACTION_ITEM.STATUS, "in_progress").set(ACTION_ITEM.OWNER, "alice")
                    .set(ACTION_ITEM.DUE_DATE, personsDue).set(ACTION_ITEM.DUE_SOURCE, "person")
                    .where(ACTION_ITEM.ID.eq(alert)).execute();
            dsl.update(ACTION_ITEM).set(ACTION_ITEM.STATUS, "done").set(ACTION_ITEM.CLOSED_AT, LocalDateTime.now())
                    .where(ACTION_ITEM.ID.eq(pool)).execute();
            return dsl.update(ACTION_ITEM).set(ACTION_ITEM.STATUS, "not_doing").set(ACTION_ITEM.OWNER, "bob")
                    .where(ACTION_ITEM.ID.eq(runbook)).execute();
        });

        Map<String, Object> body = importJson(SOURCE, postmortem(EDITED_ALERT, POOL, CERTIFICATE)).body();

        Map<String, Object> edited = action(body, alert);
        assertEquals(EDITED_ALERT, edited.get("text"));
        assertEquals("in_progress", edited.get("status"));
        assertEquals("alice", edited.get("owner"));
        assertEquals(personsDue.toString(), edited.get("due"));
        assertEquals("done", action(body, pool).get("status"));
        Map<String, Object> vanished = action(body, runbook);
        assertEquals(true, vanished.get("removed_from_source"));
        assertEquals("not_doing", vanished.get("status"));
        assertEquals("bob", vanished.get("owner"));
        assertEquals("open", list(body.get("actions")).get(2).get("status"));
    }

    @Test
    void reimportRecordsEachChangeAsAnEventByTheImporter() {
        List<Map<String, Object>> before = list(importJson(SOURCE, postmortem(ALERT, POOL, RUNBOOK)).body()
                .get("actions"));

        Map<String, Object> body = importJson(SOURCE, postmortem(EDITED_ALERT, POOL, CERTIFICATE)).body();

        long alert = id(before.get(0));
        assertEquals(List.of(ALERT, EDITED_ALERT), event(alert, "text"));
        assertEquals(List.of("false", "true"), event(id(before.get(2)), "removed_from_source"));
        long added = id(list(body.get("actions")).get(2));
        assertEquals(1, count(ACTION_EVENT.ACTION_ID.eq(added).and(ACTION_EVENT.FIELD.eq("created"))));
        assertEquals(0, count(ACTION_EVENT.ACTION_ID.eq(id(before.get(1))).and(ACTION_EVENT.FIELD.ne("created"))));
        assertEquals(0, count(ACTION_EVENT.ACTION_ID.eq(alert).and(ACTION_EVENT.ACTOR.ne("token:" + ApiTokens.ADMIN_TOKEN_NAME))),
                "every event is by the importing token");
    }

    @Test
    void anActionBackInTheTextLosesItsRemovedFlag() {
        long runbook = id(list(importJson(SOURCE, postmortem(ALERT, POOL, RUNBOOK)).body().get("actions")).get(2));
        importJson(SOURCE, postmortem(EDITED_ALERT, POOL, CERTIFICATE));

        Map<String, Object> body = importJson(SOURCE, postmortem(ALERT, POOL, RUNBOOK)).body();

        assertEquals(Map.of("added", 0, "updated", 2, "removed", 1, "kept", 1), body.get("reimport"));
        Map<String, Object> restored = action(body, runbook);
        assertEquals(false, restored.get("removed_from_source"));
        assertEquals(2, restored.get("position"));
        assertEquals(List.of("false", "true", "true", "false"), event(runbook, "removed_from_source"));
    }

    @Test
    void correctedFactsSurviveAReimport() {
        Object id = importJson(SOURCE, postmortem(ALERT, POOL, RUNBOOK)).body().get("id");
        exchange(HttpRequest.PATCH("/api/postmortems/" + id, Map.of("title", "Checkout: orders pool exhausted",
                "root_cause", Map.of("component", "database", "trigger", "resource-exhaustion"))).bearerAuth(ADMIN));

        Map<String, Object> body = importJson(SOURCE, postmortem(EDITED_ALERT, POOL, CERTIFICATE)
                .replace("# Checkout outage", "# Checkout outage on Friday")).body();

        assertEquals("Checkout: orders pool exhausted", body.get("title"));
        Map<String, Object> rootCause = map(body.get("root_cause"));
        assertEquals("resource-exhaustion", rootCause.get("trigger"));
        assertEquals("database", rootCause.get("component"));
        assertTrue(((String) rootCause.get("summary")).contains("connection pool"), "not corrected: extracted");
        assertEquals(List.of("title", "root_cause.component", "root_cause.trigger"), body.get("corrected_fields"));
    }

    @Test
    void aSourceOnAMarkdownBodyComesFromTheQuery() {
        HttpResponse<Map<String, Object>> first = postMarkdown(postmortem(ALERT, POOL, RUNBOOK));
        HttpResponse<Map<String, Object>> second = postMarkdown(postmortem(ALERT, POOL, CERTIFICATE));
        HttpResponse<Map<String, Object>> same = postMarkdown(postmortem(ALERT, POOL, CERTIFICATE));

        assertEquals(HttpStatus.CREATED, first.getStatus());
        assertEquals(HttpStatus.OK, second.getStatus());
        assertEquals(first.body().get("id"), second.body().get("id"));
        assertEquals(Map.of("added", 1, "updated", 0, "removed", 1, "kept", 2), second.body().get("reimport"));
        assertEquals(HttpStatus.OK, same.getStatus());
        assertNull(same.body().get("reimport"), "the same text again changes nothing");
    }

    @Test
    void concurrentImportsOfOneSourceLeaveOnePostmortem() throws Exception {
        List<String> versions = List.of(postmortem(ALERT), postmortem(ALERT, POOL), postmortem(ALERT, POOL, RUNBOOK),
                postmortem(POOL, RUNBOOK), postmortem(RUNBOOK, CERTIFICATE), postmortem(CERTIFICATE));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(versions.size());
        try {
            List<Future<ImportResult>> results = IntStream.range(0, versions.size())
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return importer.importText(SOURCE, versions.get(i), "test");
                    }))
                    .toList();
            start.countDown();
            int created = 0;
            for (Future<ImportResult> result : results) {
                created += result.get().created() ? 1 : 0;
            }

            assertEquals(1, created);
            assertEquals(1, (int) transactions.executeRead(status -> dsl.fetchCount(POSTMORTEM)));
            int inText = transactions.executeRead(status -> dsl.fetchCount(ACTION_ITEM,
                    ACTION_ITEM.REMOVED_FROM_SOURCE.isFalse()));
            String lastText = transactions.executeRead(status -> dsl.select(POSTMORTEM.ORIGINAL_TEXT).from(POSTMORTEM)
                    .fetchOne(POSTMORTEM.ORIGINAL_TEXT));
            assertEquals(lastText.lines().filter(line -> line.startsWith("- ")).count(), inText,
                    "the actions in the text are those of the text stored last");
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<Map<String, Object>> postMarkdown(String text) {
        return exchange(HttpRequest.POST("/api/postmortems?source=" + SOURCE, text)
                .contentType(MediaType.of("text/markdown")).bearerAuth(ADMIN));
    }

    private List<String> event(long actionId, String field) {
        return transactions.executeRead(status -> dsl.select(ACTION_EVENT.OLD_VALUE, ACTION_EVENT.NEW_VALUE)
                .from(ACTION_EVENT).where(ACTION_EVENT.ACTION_ID.eq(actionId)).and(ACTION_EVENT.FIELD.eq(field))
                .orderBy(ACTION_EVENT.ID)
                .fetch(row -> List.of(row.value1(), row.value2()))).stream().flatMap(List::stream).toList();
    }

    private int count(org.jooq.Condition condition) {
        return transactions.executeRead(status -> dsl.fetchCount(ACTION_EVENT, condition));
    }

    private static Map<String, Object> action(Map<String, Object> postmortem, long id) {
        return list(postmortem.get("actions")).stream().filter(action -> id(action) == id).findFirst().orElseThrow();
    }

    private static String postmortem(String... actions) {
        StringBuilder text = new StringBuilder("""
                # Checkout outage

                Service: checkout

                ## Root cause
                A configuration change to the orders database connection pool exhausted its connections.

                ## Action items
                """);
        for (String action : actions) {
            text.append("- ").append(action).append('\n');
        }
        return text.toString();
    }
}
