package dev.closeout.demo;

import dev.closeout.action.ActionStatus;
import dev.closeout.db.jooq.tables.records.ActionEventRecord;
import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import dev.closeout.support.ApiTestBase;
import dev.closeout.report.AgeBucket;
import jakarta.inject.Inject;
import org.jooq.Condition;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.db.jooq.Tables.TEAM_SERVICE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code demo-data} on MariaDB, at a size small enough to check every row: 400 postmortems of 50 teams over
 * three years. The history must explain every follow-up's state, as the application's own writes do.
 */
class DemoDataTest extends ApiTestBase {

    private static final LocalDate UNTIL = LocalDate.parse("2026-03-01");
    private static final DemoSettings SETTINGS = new DemoSettings(400, 50, 3, 7, UNTIL, false);

    @Inject
    DemoData demoData;

    @Test
    void fillsAnEmptyDatabaseWithTeamsPostmortemsAndAboutTenFollowUpsEach() {
        DemoData.Summary summary = generate(SETTINGS);
        reading(() -> {
            assertEquals(50, dsl.fetchCount(TEAM));
            assertTrue(dsl.select(TEAM_SERVICE.TEAM_ID, count()).from(TEAM_SERVICE).groupBy(TEAM_SERVICE.TEAM_ID)
                    .fetch(count()).stream().allMatch(services -> services >= 2 && services <= 4));
            assertEquals(400, dsl.fetchCount(POSTMORTEM));
            int actions = dsl.fetchCount(ACTION_ITEM);
            assertEquals(summary.actions(), actions);
            assertTrue(actions > 3_600 && actions < 4_400, "about 10 follow-ups per postmortem: " + actions);
            assertEquals(summary.events(), dsl.fetchCount(ACTION_EVENT));
            LocalDateTime end = UNTIL.atStartOfDay();
            assertEquals(0, dsl.fetchCount(POSTMORTEM, POSTMORTEM.CREATED_AT.ge(end)
                    .or(POSTMORTEM.INCIDENT_START.lt(end.minusYears(3)))));
            assertEquals(0, dsl.fetchCount(ACTION_EVENT, ACTION_EVENT.OCCURRED_AT.ge(end)));
        });
    }

    @Test
    void takesIdsFromTheDatabaseCounterOnward() {
        generate(SETTINGS);
        reading(() -> {
            // the test databases start every counter at 100,000 (HighIds)
            assertEquals(0, dsl.fetchCount(POSTMORTEM, POSTMORTEM.ID.lt(100_000L)));
            assertEquals(0, dsl.fetchCount(ACTION_ITEM, ACTION_ITEM.ID.lt(100_000L)));
            assertEquals(0, dsl.fetchCount(ACTION_EVENT, ACTION_EVENT.ID.lt(100_000L)));
            long first = dsl.select(min(POSTMORTEM.ID)).from(POSTMORTEM).fetchOne().value1();
            long last = dsl.select(max(POSTMORTEM.ID)).from(POSTMORTEM).fetchOne().value1();
            assertEquals(399, last - first, "consecutive ids");
        });
    }

    @Test
    void mixesStatusesAsABacklogDoes() {
        generate(SETTINGS);
        reading(() -> {
            LocalDate yearAgo = UNTIL.minusYears(1);
            Map<String, Integer> old = statusCounts(ACTION_ITEM.CREATED_AT.lt(yearAgo.atStartOfDay()));
            Map<String, Integer> all = statusCounts(noCondition());
            int oldTotal = old.values().stream().mapToInt(Integer::intValue).sum();

            assertEquals(Set.of("open", "in_progress", "done", "not_doing"), all.keySet());
            assertTrue(old.get("done") > 0.75 * oldTotal, "most old follow-ups are done: " + old);
            assertTrue(old.get("not_doing") > 0.04 * oldTotal, "some are dropped: " + old);
            assertEquals(0, dsl.fetchCount(ACTION_ITEM, ACTION_ITEM.STATUS.eq("not_doing")
                    .and(ACTION_ITEM.STATUS_REASON.isNull())), "every not_doing has its reason");
            assertEquals(0, dsl.fetchCount(ACTION_ITEM, ACTION_ITEM.STATUS.ne("not_doing")
                    .and(ACTION_ITEM.STATUS_REASON.isNotNull())));
            assertTrue(dsl.fetchCount(ACTION_EVENT, ACTION_EVENT.FIELD.eq("status")
                    .and(ACTION_EVENT.OLD_VALUE.in("done", "not_doing")).and(ACTION_EVENT.NEW_VALUE.eq("open"))) > 20,
                    "a share is reopened");
            assertTrue(dsl.fetchCount(ACTION_ITEM, ACTION_ITEM.DUE_DATE.isNull()) > 0, "some have no due date");
        });
    }

    @Test
    void leavesActiveFollowUpsOverdueInEveryAgingBucket() {
        generate(SETTINGS);
        reading(() -> {
            Map<String, Long> buckets = dsl.select(ACTION_ITEM.DUE_DATE).from(ACTION_ITEM)
                    .where(ACTION_ITEM.STATUS.in("open", "in_progress")).and(ACTION_ITEM.DUE_DATE.lt(UNTIL))
                    .fetch(ACTION_ITEM.DUE_DATE).stream()
                    .collect(Collectors.groupingBy(due -> AgeBucket.of(ChronoUnit.DAYS.between(due, UNTIL)).label(),
                            Collectors.counting()));

            assertEquals(Set.of("1-7", "8-30", "31-90", "90+"), buckets.keySet(), buckets.toString());
            assertTrue(dsl.fetchCount(ACTION_ITEM, ACTION_ITEM.STATUS.in("open", "in_progress")
                    .and(ACTION_ITEM.DUE_DATE.ge(UNTIL))) > 0, "some are not due yet");
        });
    }

    @Test
    void everyFollowUpsHistoryStartsWithItsCreationAndExplainsItsState() {
        generate(SETTINGS);
        reading(() -> {
            Map<Long, List<ActionEventRecord>> history = dsl.selectFrom(ACTION_EVENT)
                    .orderBy(ACTION_EVENT.ACTION_ID, ACTION_EVENT.ID).fetch().stream()
                    .collect(Collectors.groupingBy(ActionEventRecord::getActionId));
            List<ActionItemRecord> actions = dsl.selectFrom(ACTION_ITEM).fetch();

            for (ActionItemRecord action : actions) {
                List<ActionEventRecord> events = history.get(action.getId());
                assertNotNull(events, "no history for " + action.getId());
                ActionEventRecord created = events.get(0);
                assertEquals("created", created.getField());
                assertEquals("open", created.getNewValue());
                assertEquals(action.getCreatedAt(), created.getOccurredAt());
                assertEquals(1, events.stream().filter(event -> event.getField().equals("created")).count());
                String status = "open";
                LocalDateTime closedAt = null;
                LocalDateTime previous = created.getOccurredAt();
                for (ActionEventRecord event : events.subList(1, events.size())) {
                    assertFalse(event.getOccurredAt().isBefore(previous), "history in time order: " + action.getId());
                    previous = event.getOccurredAt();
                    if (event.getField().equals("status")) {
                        assertEquals(status, event.getOldValue());
                        assertTrue(ActionStatus.fromWireName(status).canMoveTo(ActionStatus.fromWireName(
                                event.getNewValue())), status + " -> " + event.getNewValue());
                        status = event.getNewValue();
                        closedAt = ActionStatus.fromWireName(status).isClosed() ? event.getOccurredAt() : null;
                    }
                }
                assertEquals(status, action.getStatus(), "status of " + action.getId());
                assertEquals(closedAt, action.getClosedAt(), "closing time of " + action.getId());
                assertEquals(events.get(events.size() - 1).getOccurredAt(), action.getUpdatedAt());
                String due = events.stream().filter(event -> event.getField().equals("due"))
                        .reduce((first, second) -> second).map(ActionEventRecord::getNewValue)
                        .orElse(Objects.toString(action.getDueDate(), null));
                assertEquals(due, Objects.toString(action.getDueDate(), null), "due of " + action.getId());
            }
        });
    }

    @Test
    void servicesRunIntoTheSameRootCauseAgain() {
        generate(SETTINGS);
        reading(() -> {
            int mostRecurring = dsl.select(count()).from(POSTMORTEM)
                    .groupBy(POSTMORTEM.SERVICE, POSTMORTEM.ROOT_CAUSE_COMPONENT, POSTMORTEM.ROOT_CAUSE_TRIGGER)
                    .orderBy(count().desc()).limit(1).fetchOne(count());
            Set<String> components = new TreeSet<>(dsl.selectDistinct(POSTMORTEM.ROOT_CAUSE_COMPONENT).from(POSTMORTEM)
                    .fetch(POSTMORTEM.ROOT_CAUSE_COMPONENT));

            assertTrue(mostRecurring >= 4, "a service's habitual cause recurs: " + mostRecurring);
            assertTrue(components.size() >= 14, "causes span the taxonomy: " + components);
            assertEquals(0, dsl.fetchCount(POSTMORTEM, POSTMORTEM.ROOT_CAUSE_SUMMARY.isNull()
                    .or(POSTMORTEM.ORIGINAL_TEXT.notContains("## Action items"))));
        });
    }

    @Test
    void theSameSettingsMakeTheSameData() {
        generate(SETTINGS);
        List<String> first = fingerprint();
        cleaner.clean();
        generate(SETTINGS);
        List<String> again = fingerprint();
        cleaner.clean();
        generate(new DemoSettings(400, 50, 3, 8, UNTIL, false));

        assertEquals(first, again);
        assertNotEquals(first, fingerprint());
    }

    @Test
    void refusesADatabaseWithPostmortemsUnlessAppending() {
        generate(new DemoSettings(30, 5, 1, 7, UNTIL, false));

        DemoData.NotEmptyException refused = assertThrows(DemoData.NotEmptyException.class,
                () -> generate(new DemoSettings(30, 5, 1, 7, UNTIL, false)));
        DemoData.Summary appended = generate(new DemoSettings(20, 6, 1, 9, UNTIL, true));

        assertTrue(refused.getMessage().contains("already holds 30 postmortems; add --append"), refused.getMessage());
        assertEquals(20, appended.postmortems());
        reading(() -> {
            assertEquals(50, dsl.fetchCount(POSTMORTEM));
            assertEquals(6, dsl.fetchCount(TEAM), "the five teams are kept, one is added");
        });
    }

    /** The checks read through the application's transactions, as the application does. */
    private void reading(Runnable checks) {
        transactions.executeRead(status -> {
            checks.run();
            return null;
        });
    }

    private DemoData.Summary generate(DemoSettings settings) {
        return demoData.generate(settings, progress -> { });
    }

    private Map<String, Integer> statusCounts(Condition condition) {
        return dsl.select(ACTION_ITEM.STATUS, count()).from(ACTION_ITEM).where(condition).groupBy(ACTION_ITEM.STATUS)
                .fetchMap(ACTION_ITEM.STATUS, count());
    }

    private List<String> fingerprint() {
        return transactions.executeRead(status -> fingerprintRows());
    }

    private List<String> fingerprintRows() {
        List<String> rows = new ArrayList<>(dsl.select(POSTMORTEM.CONTENT_HASH).from(POSTMORTEM).orderBy(POSTMORTEM.ID)
                .fetch(POSTMORTEM.CONTENT_HASH));
        dsl.select(ACTION_ITEM.STATUS, ACTION_ITEM.DUE_DATE, ACTION_ITEM.OWNER, ACTION_ITEM.CLOSED_AT).from(ACTION_ITEM)
                .orderBy(ACTION_ITEM.ID).fetch().forEach(row -> rows.add(row.toString()));
        return rows;
    }
}
