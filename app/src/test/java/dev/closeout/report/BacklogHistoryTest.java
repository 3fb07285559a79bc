package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.closeout.db.jooq.Tables.BACKLOG_DAY;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backlog's history ({@code backlog_day}) on {@link WeeklyDataset}: backfilled from the events on first
 * use, equal to the live counts today, recounting only the unfinished days afterwards, and the same numbers
 * either way.
 */
class BacklogHistoryTest extends ApiTestBase {

    @Inject
    MovableClock clock;

    @Inject
    BacklogHistory history;

    WeeklyDataset data;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void buildTheDataset() {
        data = WeeklyDataset.build(client, clock);
    }

    @Test
    void backfillsEveryDayFromTheFirstFollowUpAndTodayMatchesTheLiveCounts() {
        BacklogHistory.Refresh refresh = history.refresh();

        assertTrue(refresh.everything(), "no day was counted yet: every follow-up's events are replayed");
        assertEquals(LocalDate.of(2026, 1, 12), refresh.from());
        assertEquals(LocalDate.of(2026, 3, 11), refresh.to());
        // 59 days, each with pay, web and the row of follow-ups of no team
        assertEquals(59 * 3, refresh.rows());

        LocalDate today = LocalDate.of(2026, 3, 11);
        for (String team : List.of("pay", "web")) {
            List<Map<String, Object>> active = list(getJson("/api/actions?status=open,in_progress&limit=200&team="
                    + team).get("items"));
            List<Map<String, Object>> overdue = list(getJson("/api/actions?overdue=true&limit=200&team=" + team)
                    .get("items"));
            assertEquals(List.of(active.size(), overdue.size()), counts(today, team), team + " today");
        }
        // today by hand: pay c1, e1 (none overdue); web b1, d1, both overdue
        assertEquals(List.of(2, 0), counts(today, "pay"));
        assertEquals(List.of(2, 2), counts(today, "web"));
        // a1 was reopened on 02-04: open and overdue again on the days after, closed again on 03-03
        assertEquals(List.of(2, 0), counts(LocalDate.of(2026, 2, 3), "pay"));
        assertEquals(List.of(3, 1), counts(LocalDate.of(2026, 2, 4), "pay"));
        // a2 overdue from 02-21 (due 02-20) until its due date moved on 02-25
        assertEquals(List.of(3, 1), counts(LocalDate.of(2026, 2, 20), "pay"));
        assertEquals(List.of(3, 2), counts(LocalDate.of(2026, 2, 24), "pay"));
        assertEquals(List.of(3, 1), counts(LocalDate.of(2026, 2, 25), "pay"));
        assertEquals(List.of(2, 0), counts(LocalDate.of(2026, 3, 3), "pay"));
    }

    @Test
    void recountsOnlyTheDaysNotFinishedAndGetsTheNumbersABackfillGets() {
        history.refresh();
        clock.set(Instant.parse("2026-03-12T10:00:00Z"));
        client.exchange(HttpRequest.POST("/api/actions/" + data.id("e1") + "/transitions",
                Map.of("to", "not_doing", "reason", "billing owns it")).bearerAuth(ADMIN));

        BacklogHistory.Refresh refresh = history.refresh();

        assertFalse(refresh.everything(), "only the changed follow-ups are replayed");
        // 03-11 was counted at noon that day, before it ended: counted again, with today
        assertEquals(LocalDate.of(2026, 3, 11), refresh.from());
        assertEquals(LocalDate.of(2026, 3, 12), refresh.to());
        assertEquals(List.of(2, 0), counts(LocalDate.of(2026, 3, 11), "pay"));
        assertEquals(List.of(1, 0), counts(LocalDate.of(2026, 3, 12), "pay"));
        assertEquals(List.of(2, 2), counts(LocalDate.of(2026, 3, 12), "web"));
        // the day's changes: e1 not_doing on 03-12; on 03-10 e1 was created, on 03-09 b2 done
        assertEquals(List.of(0, 0, 1, 0), changes(LocalDate.of(2026, 3, 12), "pay"));
        assertEquals(List.of(1, 0, 0, 0), changes(LocalDate.of(2026, 3, 10), "pay"));
        assertEquals(List.of(0, 1, 0, 0), changes(LocalDate.of(2026, 3, 9), "web"));
        // a1 reopened on 02-04; on 03-05 b1 reopened and d1 created
        assertEquals(List.of(0, 0, 0, 1), changes(LocalDate.of(2026, 2, 4), "pay"));
        assertEquals(List.of(1, 0, 0, 1), changes(LocalDate.of(2026, 3, 5), "web"));

        Map<String, List<Integer>> recounted = rows();
        transactions.executeWrite(status -> dsl.deleteFrom(BACKLOG_DAY).execute());
        assertTrue(history.refresh().everything());
        assertEquals(recounted, rows(), "a backfill from the events counts what the recount of recent days did");
    }

    private static final int READERS = 6;

    @Test
    void requestsThatFindTheHistoryMissingAtOnceAllGetItCounted() throws Exception {
        // the first dashboard views after a start (or the review and the week before it, read side by side) each
        // find the days missing and count them: their writes of the same days must not fail each other
        history.refresh();
        Map<String, List<Integer>> counted = rows();
        List<LocalDate> days = LocalDate.of(2026, 1, 12).datesUntil(LocalDate.of(2026, 3, 12)).toList();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            for (int round = 0; round < 5; round++) {
                transactions.executeWrite(status -> dsl.deleteFrom(BACKLOG_DAY).execute());
                CyclicBarrier together = new CyclicBarrier(READERS);
                List<Future<Map<LocalDate, List<BacklogHistory.TeamCount>>>> answers = new ArrayList<>();
                for (int reader = 0; reader < READERS; reader++) {
                    answers.add(readers.submit(() -> {
                        together.await();
                        return history.atEndOf(days, null);
                    }));
                }
                for (Future<Map<LocalDate, List<BacklogHistory.TeamCount>>> answer : answers) {
                    assertEquals(days.size(), answer.get(60, TimeUnit.SECONDS).size());
                }
            }
        } finally {
            readers.shutdownNow();
        }
        assertEquals(counted, rows(), "the days written once, as one count writes them");
    }

    @Test
    void aRefreshWithNothingUnfinishedButTodayRewritesOnlyToday() {
        history.refresh();
        Map<String, List<Integer>> before = rows();
        clock.set(Instant.parse("2026-03-11T18:00:00Z"));

        BacklogHistory.Refresh again = history.refresh();

        assertEquals(LocalDate.of(2026, 3, 11), again.from());
        assertEquals(3, again.rows());
        assertEquals(before, rows(), "counting again changes nothing");
    }

    @Test
    void daysCountedInAnotherZoneAreCountedAgain() {
        history.refresh();
        LocalDateTime now = LocalDateTime.of(2026, 3, 11, 12, 0);
        transactions.executeWrite(status -> dsl.update(BACKLOG_DAY).set(BACKLOG_DAY.TIME_ZONE, "Europe/Paris")
                .set(BACKLOG_DAY.COMPUTED_AT, now).execute());

        BacklogHistory.Refresh refresh = history.refresh();

        assertTrue(refresh.everything());
        assertEquals(LocalDate.of(2026, 1, 12), refresh.from());
        assertEquals(List.of(2, 0), counts(LocalDate.of(2026, 2, 3), "pay"));
    }

    /** Active and overdue follow-ups of {@code team} at the end of {@code day}, as the history holds them. */
    private List<Integer> counts(LocalDate day, String team) {
        return transactions.executeRead(status -> dsl.select(BACKLOG_DAY.OPEN_COUNT, BACKLOG_DAY.OVERDUE_COUNT)
                .from(BACKLOG_DAY).join(TEAM).on(TEAM.ID.eq(BACKLOG_DAY.TEAM_ID))
                .where(BACKLOG_DAY.AS_OF.eq(day)).and(TEAM.TEAM_KEY.eq(team))
                .fetchOne(row -> List.of(row.value1(), row.value2())));
    }

    /** Follow-ups of {@code team} created, done, not_doing and reopened on {@code day}. */
    private List<Integer> changes(LocalDate day, String team) {
        return transactions.executeRead(status -> dsl.select(BACKLOG_DAY.CREATED_COUNT, BACKLOG_DAY.DONE_COUNT,
                        BACKLOG_DAY.NOT_DOING_COUNT, BACKLOG_DAY.REOPENED_COUNT)
                .from(BACKLOG_DAY).join(TEAM).on(TEAM.ID.eq(BACKLOG_DAY.TEAM_ID))
                .where(BACKLOG_DAY.AS_OF.eq(day)).and(TEAM.TEAM_KEY.eq(team))
                .fetchOne(row -> List.of(row.value1(), row.value2(), row.value3(), row.value4())));
    }

    /** Every row of the history: "day team" → [open, overdue]. */
    private Map<String, List<Integer>> rows() {
        Map<String, List<Integer>> rows = new TreeMap<>();
        transactions.executeRead(status -> dsl.selectFrom(BACKLOG_DAY).fetch()).forEach(row -> rows.put(
                row.getAsOf() + " " + row.getTeamId(), List.of(row.getOpenCount(), row.getOverdueCount(),
                        row.getCreatedCount(), row.getDoneCount(), row.getNotDoingCount(), row.getReopenedCount())));
        return rows;
    }
}
