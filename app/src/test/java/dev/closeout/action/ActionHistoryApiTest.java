package dev.closeout.action;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/actions/{id}/history}: every change, by whom and when, oldest first. */
class ActionHistoryApiTest extends ActionApiTestSupport {

    @Test
    void recordsEveryChangeWithItsActorInOrder() {
        long id = importAction("Add an alert on queue depth");
        insertTeam("payments");
        String editor = token("alice", "editor");
        Map<String, Object> imported = getAction(id, ADMIN).body();
        String kind = (String) imported.get("kind");
        // the due-date policy gave it a date at import
        String policyDue = (String) imported.get("due");
        String otherKind = "corrective".equals(kind) ? "preventative" : "corrective";
        patchCurrent(id, Map.of("owner", "alice", "team", "payments", "due", "2026-05-01"), editor);
        transition(id, "in_progress", null, editor);
        patchCurrent(id, Map.of("priority", "P1", "kind", otherKind, "text", "Alert on queue depth"), editor);
        transition(id, "done", null, editor);
        transition(id, "open", null, ADMIN);
        transition(id, "not_doing", "replaced by the capacity plan", editor);
        Map<String, Object> clear = new HashMap<>();
        clear.put("owner", null);
        clear.put("due", null);
        patchCurrent(id, clear, editor);

        List<Map<String, Object>> history = list(getJson("/api/actions/" + id + "/history", ADMIN).get("items"));

        List<List<String>> expected = List.of(
                row("created", null, "open", "token:admin-token"),
                row("owner", null, "alice", "token:alice"),
                row("team", null, "payments", "token:alice"),
                row("due", policyDue, "2026-05-01", "token:alice"),
                row("status", "open", "in_progress", "token:alice"),
                row("priority", null, "P1", "token:alice"),
                row("kind", kind, otherKind, "token:alice"),
                row("text", "Add an alert on queue depth", "Alert on queue depth", "token:alice"),
                row("status", "in_progress", "done", "token:alice"),
                row("status", "done", "open", "token:admin-token"),
                row("status", "open", "not_doing", "token:alice"),
                row("status_reason", null, "replaced by the capacity plan", "token:alice"),
                row("owner", "alice", null, "token:alice"),
                row("due", "2026-05-01", null, "token:alice"));
        assertEquals(expected, history.stream().map(event -> row((String) event.get("field"),
                (String) event.get("old"), (String) event.get("new"), (String) event.get("actor"))).toList());
        assertTrue(history.stream().allMatch(event -> event.get("at") != null));
        Map<String, Object> action = getAction(id, ADMIN).body();
        assertEquals(action.get("closed_at"), history.get(10).get("at"));
    }

    @Test
    void pagesThroughTheHistory() {
        long id = importAction("Add an alert on queue depth");
        transition(id, "in_progress", null, ADMIN);
        transition(id, "done", null, ADMIN);

        Map<String, Object> first = getJson("/api/actions/" + id + "/history?limit=2", ADMIN);
        Map<String, Object> second = getJson("/api/actions/" + id + "/history?limit=2&cursor=" + first.get("next"),
                ADMIN);

        List<Object> fields = new ArrayList<>();
        list(first.get("items")).forEach(event -> fields.add(event.get("field") + ":" + event.get("new")));
        list(second.get("items")).forEach(event -> fields.add(event.get("field") + ":" + event.get("new")));
        assertEquals(List.of("created:open", "status:in_progress", "status:done"), fields);
        assertNotNull(first.get("next"));
        assertNull(second.get("next"));
    }

    @Test
    void aRejectedChangeLeavesNoHistory() {
        long id = importAction("Add an alert on queue depth");

        assertProblem(HttpStatus.CONFLICT, "status", () -> transition(id, "done", null, ADMIN));
        assertProblem(HttpStatus.CONFLICT, "version 7",
                () -> patch(id, Map.of("owner", "bob", "version", 7), null, ADMIN));

        assertEquals(1, list(getJson("/api/actions/" + id + "/history", ADMIN).get("items")).size());
    }

    @Test
    void answersNotFoundForAMissingAction() {
        assertProblem(HttpStatus.NOT_FOUND, "no action with id 424242",
                () -> getJson("/api/actions/424242/history", ADMIN));
    }

    private static List<String> row(String field, String old, String changed, String actor) {
        return Arrays.asList(field, old, changed, actor);
    }
}
