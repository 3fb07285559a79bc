package dev.closeout.action;

import dev.closeout.support.Corpus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/actions} and {@code GET /api/teams/{key}/actions}: filters, sorts and keyset pages. */
class ActionListApiTest extends ActionApiTestSupport {

    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void startToday() {
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void filtersByStatusRepeatedOrAsACommaList() {
        List<Long> ids = importActions("Add an alert", "Fix the retry loop", "Document the failover");
        transition(ids.get(1), "in_progress", null, ADMIN);
        transition(ids.get(2), "not_doing", "duplicate", ADMIN);

        assertEquals(List.of(ids.get(0)), ids(getJson("/api/actions?status=open", ADMIN)));
        assertEquals(ids.subList(0, 2), ids(getJson("/api/actions?status=open&status=in_progress", ADMIN)));
        assertEquals(List.of(ids.get(1), ids.get(2)), ids(getJson("/api/actions?status=in_progress,not_doing", ADMIN)));
    }

    @Test
    void filtersByTeamOwnerKindPostmortemAndText() {
        long payments = insertTeam("payments");
        List<Long> first = importActions("Add an ALERT on queue depth", "Fix the retry loop");
        List<Long> second = importActions("Alert on disk space");
        setTeam(first.get(1), payments);
        patchCurrent(first.get(0), Map.of("owner", "alice", "kind", "preventative"), ADMIN);
        patchCurrent(second.get(0), Map.of("kind", "corrective"), ADMIN);
        long postmortem = ((Number) getAction(second.get(0), ADMIN).body().get("postmortem_id")).longValue();

        assertEquals(List.of(first.get(1)), ids(getJson("/api/actions?team=payments", ADMIN)));
        assertEquals(List.of(first.get(0)), ids(getJson("/api/actions?owner=alice", ADMIN)));
        assertEquals(List.of(first.get(0)), ids(getJson("/api/actions?kind=preventative", ADMIN)));
        assertEquals(second, ids(getJson("/api/actions?postmortem=" + postmortem, ADMIN)));
        assertEquals(List.of(first.get(0), second.get(0)), ids(getJson("/api/actions?q=alert", ADMIN)));
        assertEquals(List.of(first.get(0)), ids(getJson("/api/actions?q=alert&owner=alice&status=open", ADMIN)));
    }

    @Test
    void filtersByTheRootCauseOfTheActionsPostmortem() {
        Map<String, Object> seed = client.retrieve(HttpRequest.POST("/api/postmortems",
                Corpus.read(Corpus.SEED_LB_ROUTING)).contentType("text/markdown").bearerAuth(ADMIN), JSON_OBJECT);
        List<Long> seedActions = list(seed.get("actions")).stream().map(ActionApiTestSupport::id).toList();
        importActions("Add an alert on queue depth");

        assertEquals(seedActions, ids(getJson("/api/actions?component=load-balancer&limit=200", ADMIN)));
        assertEquals(seedActions, ids(getJson("/api/actions?trigger=configuration-change&limit=200", ADMIN)));
        assertEquals(List.of(), ids(getJson("/api/actions?component=database", ADMIN)));
    }

    @Test
    void overdueMeansStillActiveAndDueBeforeToday() {
        List<Long> ids = importActions("Overdue", "Done late", "Due today", "No date", "Due soon");
        setDue(ids.get(0), LocalDate.parse("2026-03-09"));
        setDue(ids.get(1), LocalDate.parse("2026-03-01"));
        setDue(ids.get(2), LocalDate.parse("2026-03-10"));
        setDue(ids.get(4), LocalDate.parse("2026-03-20"));
        transition(ids.get(1), "in_progress", null, ADMIN);
        transition(ids.get(1), "done", null, ADMIN);

        assertEquals(List.of(ids.get(0)), ids(getJson("/api/actions?overdue=true", ADMIN)));
        assertEquals(List.of(ids.get(1), ids.get(2), ids.get(3), ids.get(4)),
                ids(getJson("/api/actions?overdue=false", ADMIN)));
        assertEquals(List.of(ids.get(0), ids.get(1)), ids(getJson("/api/actions?due_before=2026-03-10", ADMIN)));
        assertEquals(true, getAction(ids.get(0), ADMIN).body().get("overdue"));

        clock.set(Instant.parse("2026-03-21T00:00:00Z"));

        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(4)), ids(getJson("/api/actions?overdue=true", ADMIN)));
    }

    @Test
    void rejectsEveryInvalidParameterNamingIt() {
        importActions("Add an alert on queue depth", "Fix the retry loop");
        String dueCursor = (String) getJson("/api/actions?sort=due&limit=1", ADMIN).get("next");
        Map<String, String> invalid = new HashMap<>();
        invalid.put("status=finished", "status");
        invalid.put("team=nope", "team: no team with key 'nope'");
        invalid.put("owner=%20", "owner");
        invalid.put("overdue=maybe", "overdue");
        invalid.put("due_before=10.03.2026", "due_before");
        invalid.put("kind=urgent", "kind");
        invalid.put("component=%20", "component");
        invalid.put("trigger=%20", "trigger");
        invalid.put("postmortem=latest", "postmortem");
        invalid.put("q=%20", "q");
        invalid.put("sort=priority", "sort: unknown sort 'priority'");
        invalid.put("limit=0", "limit");
        invalid.put("limit=201", "limit");
        invalid.put("limit=many", "limit");
        invalid.put("cursor=nonsense", "cursor");
        invalid.put("sort=created&cursor=" + dueCursor, "cursor: it is from a list sorted by 'due'");

        invalid.forEach((query, detail) -> assertProblem(HttpStatus.BAD_REQUEST, detail,
                () -> getJson("/api/actions?" + query, ADMIN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "-id", "due", "-due", "created", "-created"})
    void pagesInEverySortWithoutRepeatsOrGapsWhileActionsAreAdded(String sort) {
        List<Long> existing = new ArrayList<>();
        String[] dues = {"2026-04-01", null, "2026-03-15", "2026-04-01", null, "2026-03-01", "2026-05-01"};
        for (int i = 0; i < 3; i++) {
            List<Long> ids = importActions("Alert " + i, "Retry " + i, "Document " + i);
            existing.addAll(ids);
            clock.advance(Duration.ofMinutes(5));
        }
        for (int i = 0; i < existing.size(); i++) {
            String due = dues[i % dues.length];
            setDue(existing.get(i), due == null ? null : LocalDate.parse(due));
        }

        List<Map<String, Object>> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, Object> page = getJson("/api/actions?limit=3&sort=" + sort
                    + (next == null ? "" : "&cursor=" + next), ADMIN);
            seen.addAll(list(page.get("items")));
            next = (String) page.get("next");
            if (++pages <= 2) {
                // added mid-way, around both ends of every order
                clock.advance(pages == 1 ? Duration.ofMinutes(5) : Duration.ofHours(-2));
                List<Long> added = importActions("Late alert " + pages, "Late retry " + pages);
                setDue(added.get(0), LocalDate.parse("2026-03-20"));
            }
        } while (next != null);

        List<Long> seenIds = seen.stream().map(ActionApiTestSupport::id).toList();
        assertEquals(seenIds.size(), new HashSet<>(seenIds).size(), "repeated: " + seenIds);
        assertTrue(seenIds.containsAll(existing), "missing some of " + existing + " in " + seenIds);
        List<Map<String, Object>> sorted = new ArrayList<>(seen);
        sorted.sort(order(sort));
        assertEquals(sorted.stream().map(ActionApiTestSupport::id).toList(), seenIds);
    }

    @Test
    void listsOneTeamsActions() {
        long payments = insertTeam("payments");
        insertTeam("search");
        List<Long> ids = importActions("Add an alert on queue depth", "Fix the retry loop");
        setTeam(ids.get(0), payments);

        assertEquals(List.of(ids.get(0)), ids(getJson("/api/teams/payments/actions", ADMIN)));
        assertEquals(List.of(), ids(getJson("/api/teams/search/actions", ADMIN)));
        assertEquals(List.of(), ids(getJson("/api/teams/payments/actions?status=done", ADMIN)));
        assertProblem(HttpStatus.NOT_FOUND, "no team with key 'nope'", () -> getJson("/api/teams/nope/actions", ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "kind", () -> getJson("/api/teams/payments/actions?kind=urgent", ADMIN));
    }

    private static Comparator<Map<String, Object>> order(String sort) {
        boolean descending = sort.startsWith("-");
        String field = switch (sort.replace("-", "")) {
            case "due" -> "due";
            case "created" -> "created_at";
            default -> "id";
        };
        Comparator<Map<String, Object>> byId = Comparator.comparingLong(ActionApiTestSupport::id);
        if (field.equals("id")) {
            return descending ? byId.reversed() : byId;
        }
        // ISO dates and instants of the same precision sort as text; actions without a value come last
        Comparator<String> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<Map<String, Object>> byValue = Comparator.comparing(action -> (String) action.get(field),
                Comparator.nullsLast(values));
        return byValue.thenComparing(descending ? byId.reversed() : byId);
    }

    private void setDue(long id, LocalDate due) {
        transactions.executeWrite(status -> dsl.update(ACTION_ITEM).set(ACTION_ITEM.DUE_DATE, due)
                .where(ACTION_ITEM.ID.eq(id)).execute());
    }

    private void setTeam(long id, long teamId) {
        transactions.executeWrite(status -> dsl.update(ACTION_ITEM).set(ACTION_ITEM.TEAM_ID, teamId)
                .where(ACTION_ITEM.ID.eq(id)).execute());
    }
}
