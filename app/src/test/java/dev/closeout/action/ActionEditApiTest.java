package dev.closeout.action;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code GET} and {@code PATCH /api/actions/{id}}: ETags, edits, optimistic concurrency, roles. */
class ActionEditApiTest extends ActionApiTestSupport {

    @Test
    void getsOneActionWithItsEtag() {
        long id = importAction("Add an alert on queue depth, owner: @alice, due 2026-03-01, P1");

        HttpResponse<Map<String, Object>> response = getAction(id, ADMIN);

        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("\"" + id + "-0\"", response.header(HttpHeaders.ETAG));
        Map<String, Object> action = response.body();
        assertEquals(id, id(action));
        assertEquals("open", action.get("status"));
        assertEquals(0, action.get("version"));
        for (String field : List.of("postmortem_id", "text", "kind", "group", "owner", "team", "due", "due_source",
                "priority", "status_reason", "overdue", "ticket", "source_line", "removed_from_source", "created_at",
                "updated_at", "closed_at")) {
            assertEquals(true, action.containsKey(field), field + " in " + action);
        }
    }

    @Test
    void answersNotFoundForAMissingAction() {
        assertProblem(HttpStatus.NOT_FOUND, "no action with id 424242", () -> getAction(424242, ADMIN));
        assertProblem(HttpStatus.NOT_FOUND, "no action with id 424242",
                () -> patch(424242, Map.of("owner", "bob", "version", 0), null, ADMIN));
    }

    @Test
    void editsTheGivenFieldsAndAnswersTheNewEtag() {
        long id = importAction("Add an alert on queue depth");
        insertTeam("payments");

        HttpResponse<Map<String, Object>> response = patch(id, Map.of("owner", "bob", "team", "payments",
                "due", "2026-04-30", "priority", "P2", "kind", "preventative", "text", "Alert on queue depth > 1000"),
                "\"" + id + "-0\"", ADMIN);

        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("\"" + id + "-1\"", response.header(HttpHeaders.ETAG));
        Map<String, Object> action = response.body();
        assertEquals("bob", action.get("owner"));
        assertEquals("payments", action.get("team"));
        assertEquals("2026-04-30", action.get("due"));
        assertEquals("person", action.get("due_source"));
        assertEquals("P2", action.get("priority"));
        assertEquals("preventative", action.get("kind"));
        assertEquals("Alert on queue depth > 1000", action.get("text"));
        assertEquals(1, action.get("version"));
        assertEquals(action, getAction(id, ADMIN).body());
    }

    @Test
    void leavesAbsentFieldsAndClearsNullOnes() {
        long id = importAction("Add an alert on queue depth");
        insertTeam("payments");
        patchCurrent(id, Map.of("owner", "bob", "team", "payments", "due", "2026-04-30", "priority", "P2"), ADMIN);
        Map<String, Object> clear = new HashMap<>();
        clear.put("team", null);
        clear.put("due", null);
        clear.put("version", 1);

        Map<String, Object> action = patch(id, clear, null, ADMIN).body();

        assertEquals("bob", action.get("owner"));
        assertEquals("P2", action.get("priority"));
        assertNull(action.get("team"));
        assertNull(action.get("due"));
        assertNull(action.get("due_source"));
        assertEquals(2, action.get("version"));
    }

    @Test
    void requiresTheVersionTheChangeIsBasedOn() {
        long id = importAction("Add an alert on queue depth");

        assertProblem(HttpStatus.PRECONDITION_REQUIRED, "If-Match",
                () -> patch(id, Map.of("owner", "bob"), null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "If-Match", () -> patch(id, Map.of("owner", "bob"), "\"999-0\"", ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "version",
                () -> patch(id, Map.of("owner", "bob", "version", 1), "\"" + id + "-0\"", ADMIN));
        assertNull(getAction(id, ADMIN).body().get("owner"));
    }

    @Test
    void refusesAChangeBasedOnAStaleVersion() {
        long id = importAction("Add an alert on queue depth");
        String etag = getAction(id, ADMIN).header(HttpHeaders.ETAG);
        patch(id, Map.of("owner", "alice"), etag, ADMIN);

        assertProblem(HttpStatus.CONFLICT, "the action changed since version 0; re-read it",
                () -> patch(id, Map.of("owner", "bob"), etag, ADMIN));
        assertProblem(HttpStatus.CONFLICT, "changed since version 0",
                () -> patch(id, Map.of("owner", "bob", "version", 0), null, ADMIN));
        assertEquals("alice", getAction(id, ADMIN).body().get("owner"));
    }

    @Test
    void ofTwoEditorsPatchingTheSameVersionExactlyOneWins() throws Exception {
        long id = importAction("Add an alert on queue depth");
        String first = token("first-editor", "editor");
        String second = token("second-editor", "editor");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpStatus>> results = new ArrayList<>();
            for (String[] editor : List.of(new String[]{first, "alice"}, new String[]{second, "bob"})) {
                Callable<HttpStatus> edit = () -> {
                    start.await();
                    try {
                        return patch(id, Map.of("owner", editor[1], "version", 0), null, editor[0]).getStatus();
                    } catch (HttpClientResponseException e) {
                        return e.getStatus();
                    }
                };
                results.add(pool.submit(edit));
            }
            start.countDown();
            List<HttpStatus> statuses = new ArrayList<>();
            for (Future<HttpStatus> result : results) {
                statuses.add(result.get());
            }

            assertEquals(List.of(HttpStatus.CONFLICT, HttpStatus.OK),
                    statuses.stream().sorted((a, b) -> b.getCode() - a.getCode()).toList());
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> action = getAction(id, ADMIN).body();
        assertEquals(1, action.get("version"));
        List<Map<String, Object>> ownerChanges = list(getJson("/api/actions/" + id + "/history", ADMIN).get("items"))
                .stream().filter(event -> event.get("field").equals("owner")).toList();
        assertEquals(1, ownerChanges.size());
        assertEquals(action.get("owner"), ownerChanges.get(0).get("new"));
    }

    @Test
    void statusIsChangedByTransitionsNotByPatch() {
        long id = importAction("Add an alert on queue depth");

        assertProblem(HttpStatus.BAD_REQUEST, "use POST /api/actions/" + id + "/transitions",
                () -> patch(id, Map.of("status", "done", "version", 0), null, ADMIN));
    }

    @Test
    void rejectsInvalidFieldsNamingThemAndWritesNothing() {
        long id = importAction("Add an alert on queue depth");
        Map<String, Object> nullText = new HashMap<>();
        nullText.put("text", null);
        nullText.put("version", 0);

        assertProblem(HttpStatus.BAD_REQUEST, "kind",
                () -> patch(id, Map.of("kind", "urgent", "version", 0), null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "team: no team with key 'nope'",
                () -> patch(id, Map.of("team", "nope", "version", 0), null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "due",
                () -> patch(id, Map.of("due", "next week", "version", 0), null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "text", () -> patch(id, Map.of("text", " ", "version", 0), null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "text: cannot be cleared", () -> patch(id, nullText, null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "priority",
                () -> patch(id, Map.of("priority", "P".repeat(33), "version", 0), null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "postmortem_id: not a field a PATCH can change",
                () -> patch(id, Map.of("postmortem_id", 3, "version", 0), null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "version",
                () -> patch(id, Map.of("owner", "bob", "version", "latest"), null, ADMIN));
        assertEquals(0, getAction(id, ADMIN).body().get("version"));
    }

    @Test
    void needsATokenAndAReaderCannotWrite() {
        long id = importAction("Add an alert on queue depth");
        String reader = token("dashboard", "reader");

        assertEquals(HttpStatus.OK, getAction(id, reader).getStatus());
        assertProblem(HttpStatus.UNAUTHORIZED, "401",
                () -> client.exchange(HttpRequest.GET("/api/actions/" + id), String.class));
        assertProblem(HttpStatus.FORBIDDEN, "403", () -> patch(id, Map.of("owner", "bob", "version", 0), null, reader));
        assertProblem(HttpStatus.FORBIDDEN, "403", () -> transition(id, "in_progress", null, reader));
        assertEquals(0, getAction(id, ADMIN).body().get("version"));
    }
}
