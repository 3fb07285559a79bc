package dev.closeout.action;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code POST /api/actions/{id}/transitions}: the lifecycle open → in_progress → done, dropping and reopening. */
class ActionTransitionApiTest extends ActionApiTestSupport {

    private static final List<String> STATUSES = List.of("open", "in_progress", "done", "not_doing");
    private static final Set<String> LEGAL = Set.of("open>in_progress", "open>not_doing", "in_progress>done",
            "in_progress>not_doing", "done>open", "not_doing>open");

    static Stream<Arguments> everyPair() {
        return STATUSES.stream().flatMap(from -> STATUSES.stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void legalMovesSucceedAndEveryOtherIsAConflict(String from, String to) {
        long id = actionIn(from);

        if (LEGAL.contains(from + ">" + to)) {
            HttpResponse<Map<String, Object>> moved = transition(id, to, "no longer relevant", ADMIN);
            assertEquals(HttpStatus.OK, moved.getStatus());
            assertEquals(to, moved.body().get("status"));
            boolean closed = to.equals("done") || to.equals("not_doing");
            assertEquals(closed, moved.body().get("closed_at") != null, moved.body().toString());
            assertEquals(to.equals("not_doing") ? "no longer relevant" : null, moved.body().get("status_reason"));
            assertEquals("\"" + id + "-" + moved.body().get("version") + "\"", moved.header(HttpHeaders.ETAG));
        } else {
            String problem = assertProblem(HttpStatus.CONFLICT, "cannot move from " + from + " to " + to,
                    () -> transition(id, to, "because", ADMIN));
            assertEquals(from, getAction(id, ADMIN).body().get("status"), problem);
        }
    }

    @Test
    void anIllegalMoveNamesTheAllowedOnes() {
        long id = importAction("Add an alert on queue depth");

        assertProblem(HttpStatus.CONFLICT, "from open it can move to in_progress or not_doing",
                () -> transition(id, "done", null, ADMIN));
    }

    @Test
    void notDoingNeedsAReasonAndWritesNothingWithout() {
        long id = importAction("Add an alert on queue depth");

        assertProblem(HttpStatus.BAD_REQUEST, "reason", () -> transition(id, "not_doing", null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "reason", () -> transition(id, "not_doing", "  ", ADMIN));

        Map<String, Object> action = getAction(id, ADMIN).body();
        assertEquals("open", action.get("status"));
        assertEquals(0, action.get("version"));
        assertEquals(1, list(getJson("/api/actions/" + id + "/history", ADMIN).get("items")).size());
    }

    @Test
    void reopeningClearsTheClosingTimeAndTheReason() {
        long id = importAction("Add an alert on queue depth");
        Map<String, Object> dropped = transition(id, "not_doing", "covered by the new dashboard", ADMIN).body();
        assertNotNull(dropped.get("closed_at"));

        Map<String, Object> reopened = transition(id, "open", null, ADMIN).body();

        assertEquals("open", reopened.get("status"));
        assertNull(reopened.get("closed_at"));
        assertNull(reopened.get("status_reason"));
    }

    @Test
    void rejectsAnUnknownOrMissingStatus() {
        long id = importAction("Add an alert on queue depth");

        assertProblem(HttpStatus.BAD_REQUEST, "to: unknown status", () -> transition(id, "finished", null, ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "to: required", () -> transition(id, null, null, ADMIN));
    }

    @Test
    void answersNotFoundForAMissingAction() {
        assertProblem(HttpStatus.NOT_FOUND, "no action with id 424242",
                () -> transition(424242, "in_progress", null, ADMIN));
    }

    /** A new follow-up brought to {@code status} through the API. */
    private long actionIn(String status) {
        long id = importAction("Add an alert on queue depth");
        switch (status) {
            case "in_progress" -> transition(id, "in_progress", null, ADMIN);
            case "done" -> {
                transition(id, "in_progress", null, ADMIN);
                transition(id, "done", null, ADMIN);
            }
            case "not_doing" -> transition(id, "not_doing", "duplicate of another action", ADMIN);
            default -> {
            }
        }
        assertEquals(status, getAction(id, ADMIN).body().get("status"));
        return id;
    }
}
