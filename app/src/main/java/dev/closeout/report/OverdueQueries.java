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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** Most overdue first: by the due date, then the id. */
    static final Comparator<Position> MOST_OVERDUE_FIRST = Comparator.comparing(Position::due)
            .thenComparing(Position::id);

    private final DSLContext dsl;

    OverdueQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Overdue and due-soon follow-ups counted by team, owner, service, priority and age bucket: for today three
     * narrow passes over the active follow-ups' index ({@link #today}); for an earlier day one pass over their
     * history ({@link #fromHistory}), whose cost is reading the history, read once for each follow-up.
     */
    @ReadOnly
    OverdueCounts counts(OverdueFilter filter, ReportDay day) {
        return day.fromHistory() ? OverdueCounts.of(fromHistory(filter, day)) : today(filter, day.day());
    }

    /**
     * Today's counts, each pass grouping by few values: team, priority and bucket (every total but owner's and
     * service's); owner and service. Grouped by all five at once, the groups were about as many as the overdue
     * follow-ups (a temporary table of 240,000 wide rows, spilled to disk, 10 s for every team at a million
     * follow-ups); each pass here reads ix_action_overdue or ix_action_team_overdue (V10, V15, V18) alone into a few
     * thousand groups at most: the service is the follow-up's copy of its postmortem's (V15), not looked up
     * through the postmortem. docs/reports.md, "Cost at a million follow-ups".
     */
    private OverdueCounts today(OverdueFilter filter, LocalDate day) {
        Table<?> source = source(filter);
        Condition upToDueSoon = filter.condition().and(FollowupRules.active())
                .and(ACTION_ITEM.DUE_DATE.le(day.plusDays(FollowupRules.DUE_SOON_DAYS)));
        Condition overdue = filter.condition().and(FollowupRules.overdueOn(day));
        Field<String> bucket = bucket(ACTION_ITEM.DUE_DATE, day);
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
     * Today's overdue follow-ups by age bucket alone, in one narrow pass over the index of {@link #source} (the
     * first of {@link #today}'s passes also counts team and priority, the second owner and service, which the
     * weekly page's aging chart does not show). Buckets without a follow-up are missing.
     */
    @ReadOnly
    Map<AgeBucket, Integer> byAgeToday(OverdueFilter filter, LocalDate today) {
        Field<String> bucket = bucket(ACTION_ITEM.DUE_DATE, today);
        Field<Integer> count = count();
        Map<AgeBucket, Integer> counts = new EnumMap<>(AgeBucket.class);
        dsl.select(bucket, count)
                .from(source(filter))
                .where(filter.condition().and(FollowupRules.overdueOn(today)))
                .groupBy(bucket)
                .forEach(row -> counts.put(AgeBucket.ofLabel(row.value1()), row.value2()));
        return counts;
    }

    /**
     * The active follow-ups of an earlier day due up to a week after it, grouped by team, owner, service, priority
     * and bucket, so that each follow-up's history is read once: in two passes, one for the follow-ups whose due
     * date has not changed since the day ended (their current due date, which picks them before any history is
     * read), one for those whose due date changed since (the date they had then), the groups of both added up.
     */
    private List<OverdueGroup> fromHistory(OverdueFilter filter, ReportDay day) {
        LocalDate lastDueSoon = day.day().plusDays(FollowupRules.DUE_SOON_DAYS);
        List<OverdueGroup> groups = new ArrayList<>(groups(ACTION_ITEM.DUE_DATE, day.day(), filter.condition()
                // the due date first, so that the history is read only for the follow-ups it leaves
                .and(ACTION_ITEM.DUE_DATE.le(lastDueSoon))
                .and(day.active())
                // last: it leaves out few, a look-up each in the due-date changes since, read once
                .and(day.dueAsNow())));
        Field<LocalDate> dueThen = day.dueThen();
        groups.addAll(groups(dueThen, day.day(), dueMoved(filter, day).and(dueThen.le(lastDueSoon))));
        return groups;
    }

    /** The follow-ups meeting {@code condition} grouped by the five and by bucket ({@code due} on {@code day}). */
    private List<OverdueGroup> groups(Field<LocalDate> due, LocalDate day, Condition condition) {
        Field<String> bucket = bucket(due, day);
        Field<Integer> count = count();
        return dsl.select(ACTION_ITEM.TEAM_ID, ACTION_ITEM.OWNER, ACTION_ITEM.POSTMORTEM_SERVICE, ACTION_ITEM.PRIORITY,
                        bucket, count)
                .from(ACTION_ITEM)
                .where(condition)
                .groupBy(ACTION_ITEM.TEAM_ID, ACTION_ITEM.OWNER, ACTION_ITEM.POSTMORTEM_SERVICE, ACTION_ITEM.PRIORITY,
                        bucket)
                .fetch(row -> new OverdueGroup(row.get(ACTION_ITEM.TEAM_ID), row.get(ACTION_ITEM.OWNER),
                        row.get(ACTION_ITEM.POSTMORTEM_SERVICE), row.get(ACTION_ITEM.PRIORITY), row.get(bucket),
                        row.get(count)));
    }

    /**
     * For an earlier day: the follow-ups the filter matches whose due date changed after the day ended and that
     * were active then. MariaDB reads them from the due-date changes since (one range of
     * ix_action_event_field_status), few beside the backlog for a recent day; a condition on
     * {@link ReportDay#dueThen()} goes after this one, so that their due date then is read only for those it
     * leaves (in a derived table MariaDB read it first, for every follow-up changed since).
     */
    private static Condition dueMoved(OverdueFilter filter, ReportDay day) {
        return filter.condition().and(day.dueMoved()).and(day.active());
    }

    /**
     * Where today's passes read from: the active follow-ups' covering index named to MySQL and MariaDB, for one
     * team or every team; left to the optimizer for one owner, whose own index holds far fewer rows. Without the
     * hint MariaDB 10.11 grouped by owner along ix_action_owner_status_due (since V19 on the owner's key),
     * reading every row it points to.
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
     * Up to {@code limit} overdue follow-ups, most overdue first (due date on the day, then id), after
     * {@code after} (the last of the previous page; null for the first). Two statements: which follow-ups, then
     * their rows.
     */
    @ReadOnly
    List<OverdueRow> overdue(OverdueFilter filter, ReportDay day, @Nullable Position after, int limit) {
        Condition overdue = filter.condition().and(day.overdue())
                .and(after == null ? noCondition() : after(ACTION_ITEM.DUE_DATE, after));
        Select<Record2<Long, LocalDate>> firsts = null;
        if (day.fromHistory()) {
            // those whose due date has not changed since, by it; and those whose due date changed, by the one they
            // had then: two LIMITed selects, merged below
            Field<LocalDate> dueThen = day.dueThen();
            firsts = firsts(ACTION_ITEM.DUE_DATE, overdue, limit)
                    .unionAll(firsts(dueThen, dueMoved(filter, day).and(dueThen.lt(day.day()))
                            .and(after == null ? noCondition() : after(dueThen, after)), limit));
        } else {
            // one status at a time: each is one range of ix_action_overdue (status, removed_from_source, dismissed,
            // due_date, id) read in order and only as far as the page needs; both statuses at once are two ranges
            // MariaDB merges only by sorting every overdue follow-up, for each page
            for (String status : FollowupRules.ACTIVE_STATUSES) {
                Select<Record2<Long, LocalDate>> ofStatus = firsts(ACTION_ITEM.DUE_DATE,
                        overdue.and(ACTION_ITEM.STATUS.eq(status)), limit);
                firsts = firsts == null ? ofStatus : firsts.unionAll(ofStatus);
            }
        }
        // in page order, so that today's statement lists the ids as it always did
        Map<Long, LocalDate> page = new LinkedHashMap<>();
        dsl.fetch(firsts).stream()
                .map(row -> new Position(row.value2(), row.value1()))
                .sorted(MOST_OVERDUE_FIRST)
                .limit(limit)
                .forEach(position -> page.put(position.id(), position.due()));
        if (page.isEmpty()) {
            return List.of();
        }
        // the columns named, not action_item.*: the table has one jOOQ does not know (owner_key, V19), which read
        // by position would shift the postmortem's title and service
        List<OverdueRow> rows = dsl.select(ACTION_ITEM.fields()).select(POSTMORTEM.TITLE, POSTMORTEM.SERVICE)
                .from(ACTION_ITEM)
                .join(POSTMORTEM).on(POSTMORTEM.ID.eq(ACTION_ITEM.POSTMORTEM_ID))
                .where(ACTION_ITEM.ID.in(page.keySet()))
                .orderBy(ACTION_ITEM.DUE_DATE.asc(), ACTION_ITEM.ID.asc())
                .fetch(row -> {
                    ActionItem action = ActionQueries.toActionItem(row.into(ACTION_ITEM));
                    return new OverdueRow(action, page.get(action.id()), row.get(POSTMORTEM.TITLE),
                            row.get(POSTMORTEM.SERVICE));
                });
        // in the order of the due dates on the day, which for an earlier day need not be today's
        return rows.stream().sorted(Comparator.comparing(OverdueRow::position, MOST_OVERDUE_FIRST)).toList();
    }

    /**
     * The first {@code limit} follow-ups meeting {@code condition}, most overdue first by the due date {@code due}:
     * id and due date.
     */
    private static Select<Record2<Long, LocalDate>> firsts(Field<LocalDate> due, Condition condition, int limit) {
        return select(ACTION_ITEM.ID, due)
                .from(ACTION_ITEM)
                .where(condition)
                .orderBy(due.asc(), ACTION_ITEM.ID.asc())
                .limit(limit);
    }

    /** Where a page ends: the last follow-up's due date and id. */
    record Position(LocalDate due, long id) {
    }

    /**
     * One overdue follow-up with what the report shows of its postmortem, and {@code due}, its due date on the
     * report's day: the current one, but for an earlier day the one it had then.
     */
    record OverdueRow(ActionItem action, LocalDate due, @Nullable String postmortemTitle, @Nullable String service) {

        Position position() {
            return new Position(due, action.id());
        }
    }

    /** How many follow-ups share a team, owner, service, priority and bucket (an age bucket or due soon). */
    record OverdueGroup(@Nullable Long teamId, @Nullable String owner, @Nullable String service,
                        @Nullable String priority, String bucket, int count) {
    }

    /** After {@code position} by the due date {@code due}, then the id. */
    private static Condition after(Field<LocalDate> due, Position position) {
        // the first conjunct is a range on the due date an index can start from; the second skips the ties
        // already shown
        return due.ge(position.due()).and(due.gt(position.due()).or(ACTION_ITEM.ID.gt(position.id())));
    }

    /**
     * The age bucket of {@link AgeBucket} by days overdue on {@code day} (day − due), or {@link #DUE_SOON} for
     * a follow-up due on the day or later, by the due date {@code due}. Dates are inlined so that the same
     * expression can be grouped by.
     */
    private static Field<String> bucket(Field<LocalDate> due, LocalDate day) {
        CaseConditionStep<String> bucket = when(due.ge(inline(day)), inline(DUE_SOON));
        List<AgeBucket> buckets = Arrays.asList(AgeBucket.values());
        for (AgeBucket age : buckets.subList(0, buckets.size() - 1)) {
            bucket = bucket.when(due.ge(inline(day.minusDays(age.toDays()))), inline(age.label()));
        }
        return bucket.otherwise(inline(buckets.get(buckets.size() - 1).label())).as("bucket");
    }
}
