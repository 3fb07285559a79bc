package dev.closeout.report;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionQueries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.SelectJoinStep;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
     * Overdue and due-soon follow-ups counted by team, owner, service, priority and age bucket, in one query
     * (one pass over the active follow-ups due up to a week after the day); the caller adds the groups up. For
     * today the follow-ups are read from ix_action_team_overdue or ix_action_overdue alone (V10), each joined to
     * its postmortem for the service.
     */
    @ReadOnly
    List<OverdueGroup> counts(OverdueFilter filter, ReportDay day) {
        Field<String> bucket = bucket(day.day());
        Field<Integer> count = count();
        return dsl.select(ACTION_ITEM.TEAM_ID, ACTION_ITEM.OWNER, POSTMORTEM.SERVICE, ACTION_ITEM.PRIORITY, bucket,
                        count)
                .from(ACTION_ITEM)
                .join(POSTMORTEM).on(POSTMORTEM.ID.eq(ACTION_ITEM.POSTMORTEM_ID))
                .where(filter.condition())
                // overdue (due before the day) or due soon (on it or within a week after), both active; the due
                // date first, so that an earlier day's history is read only for the follow-ups it leaves
                .and(ACTION_ITEM.DUE_DATE.le(day.day().plusDays(FollowupRules.DUE_SOON_DAYS)))
                .and(day.active())
                .groupBy(ACTION_ITEM.TEAM_ID, ACTION_ITEM.OWNER, POSTMORTEM.SERVICE, ACTION_ITEM.PRIORITY, bucket)
                .fetch(row -> new OverdueGroup(row.get(ACTION_ITEM.TEAM_ID), row.get(ACTION_ITEM.OWNER),
                        row.get(POSTMORTEM.SERVICE), row.get(ACTION_ITEM.PRIORITY), row.get(bucket),
                        row.get(count)));
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
            firsts = firsts(filter, overdue, limit);
        } else {
            // one status at a time: each is one range of ix_action_overdue (status, removed_from_source, due_date,
            // id) read in order and only as far as the page needs; both statuses at once are two ranges MariaDB
            // merges only by sorting every overdue follow-up, for each page
            for (String status : FollowupRules.ACTIVE_STATUSES) {
                Select<Record2<Long, LocalDate>> ofStatus = firsts(filter,
                        overdue.and(ACTION_ITEM.STATUS.eq(status)), limit);
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
    private static Select<Record2<Long, LocalDate>> firsts(OverdueFilter filter, Condition condition, int limit) {
        SelectJoinStep<Record2<Long, LocalDate>> from = select(ACTION_ITEM.ID, ACTION_ITEM.DUE_DATE).from(ACTION_ITEM);
        // the postmortem is joined only when its service is asked for, so the plan starts from the index
        return (filter.service() == null ? from : from.join(POSTMORTEM).on(POSTMORTEM.ID.eq(ACTION_ITEM.POSTMORTEM_ID)))
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
