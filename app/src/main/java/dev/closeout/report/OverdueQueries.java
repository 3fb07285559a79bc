package dev.closeout.report;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionQueries;
import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.SQLDialect;
import org.jooq.Table;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static dev.closeout.db.jooq.Indexes.IX_ACTION_OVERDUE;
import static dev.closeout.db.jooq.Indexes.IX_ACTION_TEAM_OVERDUE;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

/** The overdue report's two questions to the database: how many, by what; and which, most overdue first. */
@Singleton
class OverdueQueries {

    /** The bucket of a follow-up that is due soon, not overdue. */
    static final String DUE_SOON = "due_soon";

    private final DSLContext dsl;

    OverdueQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Overdue and due-soon follow-ups counted by team, owner, service, priority and age bucket: for today three
     * narrow passes over the active follow-ups' index ({@link #today}); for an earlier day one pass over their
     * history ({@link #fromHistory}), whose cost is reading the history, read once.
     */
    @ReadOnly
    OverdueCounts counts(OverdueFilter filter, ReportDay day) {
        return day.fromHistory() ? OverdueCounts.of(fromHistory(filter, day)) : today(filter, day.day());
    }

    /**
     * Today's counts, each pass grouping by few values: team, priority and bucket (every total but owner's and
     * service's); owner and service. Grouped by all five at once, the groups were about as many as the overdue
     * follow-ups (a temporary table of 240,000 wide rows, spilled to disk, 10 s for every team at a million
     * follow-ups); each pass here reads ix_action_overdue or ix_action_team_overdue (V10, V15) alone into a few
     * thousand groups at most: the service is the follow-up's copy of its postmortem's (V15), not looked up
     * through the postmortem. docs/reports.md, "Cost at a million follow-ups".
     */
    private OverdueCounts today(OverdueFilter filter, LocalDate day) {
        Table<?> source = source(filter);
        Condition upToDueSoon = filter.condition().and(FollowupRules.active())
                .and(ACTION_ITEM.DUE_DATE.le(day.plusDays(FollowupRules.DUE_SOON_DAYS)));
        Condition overdue = filter.condition().and(FollowupRules.overdueOn(day));
        Field<String> bucket = bucket(day);
        Field<Integer> count = count();
        OverdueCounts counts = new OverdueCounts();
        dsl.select(ACTION_ITEM.TEAM_ID, ACTION_ITEM.PRIORITY, bucket, count)
                .from(source)
                .where(upToDueSoon)
                .groupBy(ACTION_ITEM.TEAM_ID, ACTION_ITEM.PRIORITY, bucket)
                .forEach(row -> counts.addTally(row.value1(), row.value2(), row.value3(), row.value4()));
        // owner and service in one pass: some 2,400 pairs at a million follow-ups, one read of the index instead of
        // two; adding team, priority and bucket too makes ~15,000 groups and costs more than the three passes
        dsl.select(ACTION_ITEM.OWNER, ACTION_ITEM.POSTMORTEM_SERVICE, count)
                .from(source)
                .where(overdue)
                .groupBy(ACTION_ITEM.OWNER, ACTION_ITEM.POSTMORTEM_SERVICE)
                .forEach(row -> {
                    counts.addOwner(row.value1(), row.value3());
                    counts.addService(row.value2(), row.value3());
                });
        return counts;
    }

    /**
     * The active follow-ups of an earlier day due up to a week after it, grouped by team, owner, service, priority
     * and bucket in one pass, so that each follow-up's history is read once.
     */
    private List<OverdueGroup> fromHistory(OverdueFilter filter, ReportDay day) {
        Field<String> bucket = bucket(day.day());
        Field<Integer> count = count();
        return dsl.select(ACTION_ITEM.TEAM_ID, ACTION_ITEM.OWNER, ACTION_ITEM.POSTMORTEM_SERVICE, ACTION_ITEM.PRIORITY,
                        bucket, count)
                .from(ACTION_ITEM)
                .where(filter.condition())
                // the due date first, so that the history is read only for the follow-ups it leaves
                .and(ACTION_ITEM.DUE_DATE.le(day.day().plusDays(FollowupRules.DUE_SOON_DAYS)))
                .and(day.active())
                .groupBy(ACTION_ITEM.TEAM_ID, ACTION_ITEM.OWNER, ACTION_ITEM.POSTMORTEM_SERVICE, ACTION_ITEM.PRIORITY,
                        bucket)
                .fetch(row -> new OverdueGroup(row.get(ACTION_ITEM.TEAM_ID), row.get(ACTION_ITEM.OWNER),
                        row.get(ACTION_ITEM.POSTMORTEM_SERVICE), row.get(ACTION_ITEM.PRIORITY), row.get(bucket),
                        row.get(count)));
    }

    /**
     * Where today's passes read from: the active follow-ups' covering index named to MySQL and MariaDB, for one
     * team or every team; left to the optimizer for one owner, whose own index holds far fewer rows. Without the
     * hint MariaDB 10.11 groups by owner along ix_action_owner_status_due, reading every row it points to.
     */
    private Table<?> source(OverdueFilter filter) {
        Table<ActionItemRecord> items = ACTION_ITEM;
        SQLDialect family = dsl.dialect().family();
        if (filter.owner() == null && (family == SQLDialect.MYSQL || family == SQLDialect.MARIADB)) {
            items = ACTION_ITEM.forceIndex((filter.teamId() == null ? IX_ACTION_OVERDUE : IX_ACTION_TEAM_OVERDUE)
                    .getName());
        }
        return items;
    }

    /**
     * Up to {@code limit} overdue follow-ups, most overdue first (due date, then id), after {@code after} (the
     * last of the previous page; null for the first). Two statements: which follow-ups, then their rows.
     */
    @ReadOnly
    List<OverdueRow> overdue(OverdueFilter filter, ReportDay day, @Nullable Position after, int limit) {
        Condition overdue = filter.condition().and(day.overdue()).and(after == null ? noCondition() : after(after));
        Select<Record2<Long, LocalDate>> firsts = null;
        if (day.fromHistory()) {
            firsts = firsts(overdue, limit);
        } else {
            // one status at a time: each is one range of ix_action_overdue (status, removed_from_source, due_date,
            // id) read in order and only as far as the page needs; both statuses at once are two ranges MariaDB
            // merges only by sorting every overdue follow-up, for each page
            for (String status : FollowupRules.ACTIVE_STATUSES) {
                Select<Record2<Long, LocalDate>> ofStatus = firsts(overdue.and(ACTION_ITEM.STATUS.eq(status)), limit);
                firsts = firsts == null ? ofStatus : firsts.unionAll(ofStatus);
            }
        }
        List<Long> page = dsl.fetch(firsts).stream()
                .map(row -> new Position(row.value2(), row.value1()))
                .sorted(Comparator.comparing(Position::due).thenComparing(Position::id))
                .limit(limit)
                .map(Position::id)
                .toList();
        if (page.isEmpty()) {
            return List.of();
        }
        return dsl.select(ACTION_ITEM.asterisk(), POSTMORTEM.TITLE, POSTMORTEM.SERVICE)
                .from(ACTION_ITEM)
                .join(POSTMORTEM).on(POSTMORTEM.ID.eq(ACTION_ITEM.POSTMORTEM_ID))
                .where(ACTION_ITEM.ID.in(page))
                .orderBy(ACTION_ITEM.DUE_DATE.asc(), ACTION_ITEM.ID.asc())
                .fetch(row -> new OverdueRow(ActionQueries.toActionItem(row.into(ACTION_ITEM)),
                        row.get(POSTMORTEM.TITLE), row.get(POSTMORTEM.SERVICE)));
    }

    /** The first {@code limit} follow-ups meeting {@code condition}, most overdue first: id and due date. */
    private static Select<Record2<Long, LocalDate>> firsts(Condition condition, int limit) {
        return select(ACTION_ITEM.ID, ACTION_ITEM.DUE_DATE)
                .from(ACTION_ITEM)
                .where(condition)
                .orderBy(ACTION_ITEM.DUE_DATE.asc(), ACTION_ITEM.ID.asc())
                .limit(limit);
    }

    /** Where a page ends: the last follow-up's due date and id. */
    record Position(LocalDate due, long id) {
    }

    /** One overdue follow-up with what the report shows of its postmortem. */
    record OverdueRow(ActionItem action, @Nullable String postmortemTitle, @Nullable String service) {

        Position position() {
            return new Position(action.dueDate(), action.id());
        }
    }

    /** How many follow-ups share a team, owner, service, priority and bucket (an age bucket or due soon). */
    record OverdueGroup(@Nullable Long teamId, @Nullable String owner, @Nullable String service,
                        @Nullable String priority, String bucket, int count) {
    }

    private static Condition after(Position position) {
        // the first conjunct is a range on the due date an index can start from; the second skips the ties
        // already shown
        return ACTION_ITEM.DUE_DATE.ge(position.due())
                .and(ACTION_ITEM.DUE_DATE.gt(position.due()).or(ACTION_ITEM.ID.gt(position.id())));
    }

    /**
     * The age bucket of {@link AgeBucket} by days overdue on {@code day} (day − due), or {@link #DUE_SOON} for
     * a follow-up due on the day or later. Dates are inlined so that the same expression can be grouped by.
     */
    private static Field<String> bucket(LocalDate day) {
        CaseConditionStep<String> bucket = when(ACTION_ITEM.DUE_DATE.ge(inline(day)), inline(DUE_SOON));
        List<AgeBucket> buckets = Arrays.asList(AgeBucket.values());
        for (AgeBucket age : buckets.subList(0, buckets.size() - 1)) {
            bucket = bucket.when(ACTION_ITEM.DUE_DATE.ge(inline(day.minusDays(age.toDays()))), inline(age.label()));
        }
        return bucket.otherwise(inline(buckets.get(buckets.size() - 1).label())).as("bucket");
    }
}
