package dev.closeout.report;

import dev.closeout.action.ActionStatus;
import dev.closeout.postmortem.PostmortemScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static dev.closeout.db.jooq.Tables.ACTION_CLOSED_PERIOD;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;

/**
 * What the recurring-causes report reads, in queries that each read one index alone (V9): the incidents of the
 * window, their follow-ups counted per postmortem and creation time, the reopened follow-ups one by one, and those
 * follow-ups' closed periods. Run inside the caller's read-only transaction, so they see one state of the
 * database; except {@link #followUpsOfRange}, every team's follow-ups, which opens a transaction of its own when
 * called on another thread (the report counts them while it reads the incidents). Date-times are read by the
 * driver as {@code LocalDateTime}s (dev.closeout.db.LocalDateTimeBinding, on every generated DATETIME column and
 * the max and coalesce of one): a report reads 300,000 of them.
 */
@Singleton
class RecurringCausesQueries {

    private static final Field<Integer> FOLLOW_UPS = count().as("follow_ups");
    private static final Field<Integer> DONE = count().filterWhere(ACTION_ITEM.STATUS.eq(ActionStatus.DONE.wireName()))
            .as("done");
    private static final Field<Integer> ACTIVE = count().filterWhere(ACTION_ITEM.STATUS.in(
            FollowupRules.ACTIVE_STATUSES)).as("active");
    private static final Field<LocalDateTime> LAST_CLOSED = max(ACTION_ITEM.CLOSED_AT)
            .as("last_closed");
    private static final Field<LocalDateTime> CREATED = ACTION_ITEM.CREATED_AT;
    private static final Field<LocalDateTime> INCIDENT_TIME = IncidentDate.timeField()
            .as("incident_time");
    private static final Field<Boolean> STARTED = field(POSTMORTEM.INCIDENT_START.isNotNull()).as("started");

    /** Postmortem ids looked up in one query when they are too scattered to read as a range. */
    private static final int LOOKUPS = 5_000;

    private final DSLContext dsl;
    private final ReportCalendar calendar;

    RecurringCausesQueries(DSLContext dsl, ReportCalendar calendar) {
        this.dsl = dsl;
        this.calendar = calendar;
    }

    /**
     * A postmortem of the window, with what the report shows and groups it by; its root-cause summary only once
     * read for likeness.
     */
    record IncidentRow(long id, @Nullable String title, @Nullable String service, @Nullable String component,
                       @Nullable String trigger, LocalDateTime time, boolean started, LocalDate date,
                       @Nullable String summary) {

        IncidentRow withSummary(String summary) {
            return new IncidentRow(id, title, service, component, trigger, time, started, date, summary);
        }
    }

    /** The postmortems whose incident date is in the window, of {@code teamId} and {@code service} when given. */
    List<IncidentRow> incidents(LocalDate from, LocalDate to, @Nullable Long teamId, @Nullable String service) {
        // the incident time computed by the server: one date-time a row rather than two
        ResultQuery<?> query = dsl.select(POSTMORTEM.ID, POSTMORTEM.TITLE, POSTMORTEM.SERVICE,
                        POSTMORTEM.ROOT_CAUSE_COMPONENT, POSTMORTEM.ROOT_CAUSE_TRIGGER, INCIDENT_TIME, STARTED)
                .from(POSTMORTEM)
                .where(window(from, to, teamId, service));
        List<IncidentRow> incidents = new ArrayList<>();
        read(query, "the window's incidents", rows -> {
            LocalDateTime time = rows.getObject(6, LocalDateTime.class);
            incidents.add(new IncidentRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                    rows.getString(5), time, rows.getBoolean(7), calendar.dayOf(time), null));
        });
        return incidents;
    }

    /** The lowest and highest id of the window's postmortems, and how many there are; empty when there are none. */
    record Span(long low, long high, int count) {

        /** Whether the postmortems are most of their range of ids, so that reading the range reads little else. */
        boolean dense() {
            return PostmortemIds.dense(count, low, high);
        }
    }

    /** The ids {@link #incidents} would answer, as a {@link Span}: every team's and service's. */
    Optional<Span> span(LocalDate from, LocalDate to, @Nullable String service) {
        var row = dsl.select(min(POSTMORTEM.ID), max(POSTMORTEM.ID), count()).from(POSTMORTEM)
                .where(window(from, to, null, service))
                .fetchSingle();
        return row.value1() == null ? Optional.empty()
                : Optional.of(new Span(row.value1(), row.value2(), row.value3()));
    }

    private Condition window(LocalDate from, LocalDate to, @Nullable Long teamId, @Nullable String service) {
        return IncidentDate.between(calendar, from, to)
                .and(teamId == null ? noCondition() : PostmortemScope.visibleTo(teamId))
                .and(service == null ? noCondition()
                        : lower(POSTMORTEM.SERVICE).eq(service.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The follow-up histories of the postmortems with these ids (of team {@code teamId} only, when given); a
     * postmortem without follow-ups has none in the map.
     */
    Map<Long, IncidentFollowups> followUps(Set<Long> postmortemIds, @Nullable Long teamId) {
        Map<Long, IncidentFollowups> histories = new HashMap<>();
        for (PostmortemIds postmortems : PostmortemIds.covering(postmortemIds)) {
            histories.putAll(followUps(postmortemIds::contains, postmortems, teamId));
        }
        return histories;
    }

    /**
     * The follow-up histories of every postmortem with an id from {@code low} to {@code high}, of every team. In a
     * read-only transaction of its own, on a connection of its own: called on another thread, it must not share the
     * caller's (a transaction's context follows a task to the thread it runs on).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW, readOnly = true)
    Map<Long, IncidentFollowups> followUpsOfRange(long low, long high) {
        return followUps(id -> true, new PostmortemIds(low, high, null), null);
    }

    /** Postmortem ids to read follow-ups of: all of a range, or a list. */
    private record PostmortemIds(long low, long high, @Nullable List<Long> list) {

        Condition on(Field<Long> postmortemId) {
            return list == null ? postmortemId.between(low, high) : postmortemId.in(list);
        }

        /**
         * Sets that together hold {@code ids}. A window's postmortems of every team are most of a range of ids:
         * that range is read, and what is outside the set dropped. One team's are scattered over it: they are
         * looked up, {@value #LOOKUPS} at a time.
         */
        static List<PostmortemIds> covering(Set<Long> ids) {
            if (ids.isEmpty()) {
                return List.of();
            }
            long low = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
            long high = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
            if (dense(ids.size(), low, high)) {
                return List.of(new PostmortemIds(low, high, null));
            }
            List<Long> sorted = ids.stream().sorted().toList();
            List<PostmortemIds> lookups = new ArrayList<>();
            for (int start = 0; start < sorted.size(); start += LOOKUPS) {
                lookups.add(new PostmortemIds(low, high, sorted.subList(start,
                        Math.min(sorted.size(), start + LOOKUPS))));
            }
            return lookups;
        }

        /** Whether {@code count} ids from {@code low} to {@code high} are more than half of that range. */
        static boolean dense(long count, long low, long high) {
            return count * 2L > high - low + 1;
        }
    }

    private Map<Long, IncidentFollowups> followUps(Predicate<Long> wanted, PostmortemIds ofPostmortems,
                                                 @Nullable Long teamId) {
        Condition followUps = FollowupRules.counted().and(ofPostmortems.on(ACTION_ITEM.POSTMORTEM_ID))
                .and(teamId == null ? noCondition() : ACTION_ITEM.TEAM_ID.eq(teamId));

        Map<Long, List<IncidentFollowups.Batch>> batches = new HashMap<>();
        ResultQuery<?> counted = dsl.select(ACTION_ITEM.POSTMORTEM_ID, ACTION_ITEM.CREATED_AT, FOLLOW_UPS, DONE, ACTIVE,
                        LAST_CLOSED)
                .from(ACTION_ITEM)
                .where(ACTION_ITEM.REOPENED.isFalse()).and(followUps)
                .groupBy(ACTION_ITEM.POSTMORTEM_ID, ACTION_ITEM.CREATED_AT);
        read(counted, "the follow-ups' counts", rows -> {
            long postmortem = rows.getLong(1);
            if (wanted.test(postmortem)) {
                batches.computeIfAbsent(postmortem, id -> new ArrayList<>(1)).add(new IncidentFollowups.Batch(
                        rows.getObject(2, LocalDateTime.class), rows.getInt(3), rows.getInt(4), rows.getInt(5),
                        rows.getObject(6, LocalDateTime.class)));
            }
        });

        Map<Long, List<IncidentFollowups.Reopened>> reopened = new HashMap<>();
        List<Record5<Long, Long, LocalDateTime, String, LocalDateTime>> reopenedRows = dsl
                .select(ACTION_ITEM.ID, ACTION_ITEM.POSTMORTEM_ID, CREATED, ACTION_ITEM.STATUS,
                        ACTION_ITEM.CLOSED_AT)
                .from(ACTION_ITEM)
                .where(ACTION_ITEM.REOPENED.isTrue()).and(followUps)
                .fetch();
        Map<Long, List<IncidentFollowups.ClosedPeriod>> periods = new HashMap<>();
        if (!reopenedRows.isEmpty()) {
            dsl.select(ACTION_CLOSED_PERIOD.ACTION_ID, ACTION_CLOSED_PERIOD.STATUS,
                            ACTION_CLOSED_PERIOD.CLOSED_AT,
                            ACTION_CLOSED_PERIOD.REOPENED_AT)
                    .from(ACTION_CLOSED_PERIOD)
                    .where(ofPostmortems.on(ACTION_CLOSED_PERIOD.POSTMORTEM_ID))
                    .forEach(row -> periods.computeIfAbsent(row.value1(), id -> new ArrayList<>())
                            .add(new IncidentFollowups.ClosedPeriod(row.value2(), row.value3(), row.value4())));
        }
        reopenedRows.forEach(row -> {
                    if (wanted.test(row.value2())) {
                        reopened.computeIfAbsent(row.value2(), id -> new ArrayList<>()).add(
                                new IncidentFollowups.Reopened(row.value1(), row.value3(),
                                        ActionStatus.fromWireName(row.value4()), row.value5(),
                                        periods.getOrDefault(row.value1(), List.of())));
                    }
                });

        Map<Long, IncidentFollowups> histories = new HashMap<>();
        Set<Long> withFollowUps = new HashSet<>(batches.keySet());
        withFollowUps.addAll(reopened.keySet());
        for (Long id : withFollowUps) {
            histories.put(id, new IncidentFollowups(batches.getOrDefault(id, List.of()),
                    reopened.getOrDefault(id, List.of())));
        }
        return histories;
    }

    /** One row of a query read by {@link #read}, from its JDBC columns in the select's order. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code query} and hands each row to {@code reader} as the driver gives it: the two queries of 100,000
     * rows each are read without a jOOQ record per row, which cost more than using the values (as in
     * {@link BacklogReplay}). Date-times are read with {@code getObject(i, LocalDateTime.class)}, as every
     * generated DATETIME column is (dev.closeout.db.LocalDateTimeBinding).
     */
    private static void read(ResultQuery<?> query, String what, RowReader reader) {
        try (ResultSet rows = query.fetchResultSet()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading " + what + ": " + e.getMessage(), e);
        }
    }

    /** The root-cause summaries of these postmortems, for grouping causes that read alike. */
    Map<Long, String> summaries(Collection<Long> postmortemIds) {
        if (postmortemIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(POSTMORTEM.ID, POSTMORTEM.ROOT_CAUSE_SUMMARY).from(POSTMORTEM)
                .where(POSTMORTEM.ID.in(postmortemIds)).and(POSTMORTEM.ROOT_CAUSE_SUMMARY.isNotNull())
                .fetchMap(POSTMORTEM.ID, POSTMORTEM.ROOT_CAUSE_SUMMARY);
    }
}
