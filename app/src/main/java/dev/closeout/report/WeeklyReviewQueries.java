package dev.closeout.report;

import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionStatus;
import dev.closeout.postmortem.PostmortemScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record8;
import org.jooq.SelectLimitPercentStep;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

/**
 * The weekly review's reads, each one query: the week's events with their follow-ups, the follow-ups due in
 * the week, the longest overdue, the postmortems imported. Times are the
 * UTC bounds of the reports' days ({@link ReportCalendar#startOfDayUtc}); {@code team} null is every team.
 */
@Singleton
class WeeklyReviewQueries {

    private static final String STATUS = "status";

    private final DSLContext dsl;

    WeeklyReviewQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One event of the week with what the reports need of its follow-up (the current team, priority, kind). */
    record WeekEvent(String field, @Nullable String oldValue, @Nullable String newValue, LocalDateTime occurredAt,
                     long actionId, @Nullable Long teamId, @Nullable String priority, @Nullable String kind,
                     LocalDateTime createdAt) {
    }

    /** A follow-up due in the week: its status now and, when closed, when. */
    record Due(LocalDate due, String status, @Nullable LocalDateTime closedAt) {
    }

    /** An overdue follow-up with its postmortem's title. */
    record Overdue(long id, String text, @Nullable Long teamId, @Nullable String owner, @Nullable String priority,
                   LocalDate due, long postmortemId, @Nullable String postmortemTitle) {
    }

    /**
     * The creations (with {@code creations}), closings and reopenings from {@code from} to {@code to}, with their
     * follow-ups. A status change's values are read from status_from/status_to (V17), which
     * ix_action_event_field_status holds: the week's events come from the index alone, not from rows whose values
     * can be 4,000 characters.
     */
    @ReadOnly
    List<WeekEvent> events(LocalDateTime from, LocalDateTime to, @Nullable Long team, boolean creations) {
        return dsl.select(ACTION_EVENT.FIELD, ACTION_EVENT.STATUS_FROM, ACTION_EVENT.STATUS_TO, ACTION_EVENT.OCCURRED_AT,
                        ACTION_ITEM.ID, ACTION_ITEM.TEAM_ID, ACTION_ITEM.PRIORITY, ACTION_ITEM.KIND,
                        ACTION_ITEM.CREATED_AT)
                .from(ACTION_EVENT)
                .join(ACTION_ITEM).on(ACTION_ITEM.ID.eq(ACTION_EVENT.ACTION_ID))
                .where(counted(from, to, team))
                .and(creations ? noCondition() : ACTION_EVENT.FIELD.ne(ActionEvent.CREATED))
                .fetch(row -> new WeekEvent(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7(), row.value8(), row.value9()));
    }

    /** How many follow-ups were created from {@code from} to {@code to}: the creations {@link #events} reads. */
    @ReadOnly
    int creations(LocalDateTime from, LocalDateTime to, @Nullable Long team) {
        return dsl.selectCount().from(ACTION_EVENT)
                .where(counted(from, to, team))
                .and(ACTION_EVENT.FIELD.eq(ActionEvent.CREATED))
                .fetchOne(0, int.class);
    }

    /**
     * Follow-ups due from {@code from} to {@code to} that count for the on-time rate: not {@code not_doing}
     * and {@linkplain FollowupRules#counted() counted}.
     */
    @ReadOnly
    List<Due> dueBetween(LocalDate from, LocalDate to, @Nullable Long team) {
        // the statuses listed rather than "not not_doing", so the (team_id,) status, due_date indexes serve it
        List<String> counted = List.of(ActionStatus.OPEN.wireName(), ActionStatus.IN_PROGRESS.wireName(),
                ActionStatus.DONE.wireName());
        return dsl.select(ACTION_ITEM.DUE_DATE, ACTION_ITEM.STATUS, ACTION_ITEM.CLOSED_AT)
                .from(ACTION_ITEM)
                .where(ACTION_ITEM.STATUS.in(counted))
                .and(ACTION_ITEM.DUE_DATE.between(from, to))
                .and(FollowupRules.counted())
                .and(team == null ? noCondition() : ACTION_ITEM.TEAM_ID.eq(team))
                .fetch(row -> new Due(row.value1(), row.value2(), row.value3()));
    }

    /**
     * The {@code limit} follow-ups overdue on {@code day} longest (earliest due, then oldest id) among those
     * active now and created before {@code createdBefore}. One query per active status, each read in the order
     * of the (team_id,) status, due_date index and cut at the limit, merged: no sort of every overdue follow-up.
     */
    @ReadOnly
    List<Overdue> longestOverdue(LocalDate day, LocalDateTime createdBefore, @Nullable Long team, int limit) {
        SelectLimitPercentStep<Record8<Long, String, Long, String, String, LocalDate, Long, String>> open =
                overdueWithStatus(ActionStatus.OPEN, day, createdBefore, team, limit);
        SelectLimitPercentStep<Record8<Long, String, Long, String, String, LocalDate, Long, String>> inProgress =
                overdueWithStatus(ActionStatus.IN_PROGRESS, day, createdBefore, team, limit);
        var both = open.unionAll(inProgress).asTable("overdue");
        return dsl.selectFrom(both)
                .orderBy(both.field(ACTION_ITEM.DUE_DATE), both.field(ACTION_ITEM.ID))
                .limit(limit)
                .fetch(row -> new Overdue(row.get(0, Long.class), row.get(1, String.class), row.get(2, Long.class),
                        row.get(3, String.class), row.get(4, String.class), row.get(5, LocalDate.class),
                        row.get(6, Long.class), row.get(7, String.class)));
    }

    /** Postmortems imported from {@code from} to {@code to}, of the team's (as the team scope counts them) or all. */
    @ReadOnly
    int postmortemsImported(LocalDateTime from, LocalDateTime to, @Nullable Long team) {
        return dsl.selectCount().from(POSTMORTEM)
                .where(POSTMORTEM.CREATED_AT.ge(from))
                .and(POSTMORTEM.CREATED_AT.lt(to))
                .and(team == null ? noCondition() : PostmortemScope.visibleTo(team))
                .fetchOne(0, int.class);
    }

    private SelectLimitPercentStep<Record8<Long, String, Long, String, String, LocalDate, Long, String>>
            overdueWithStatus(ActionStatus status, LocalDate day, LocalDateTime createdBefore, @Nullable Long team,
                              int limit) {
        return dsl.select(ACTION_ITEM.ID, ACTION_ITEM.TEXT, ACTION_ITEM.TEAM_ID, ACTION_ITEM.OWNER,
                        ACTION_ITEM.PRIORITY, ACTION_ITEM.DUE_DATE, ACTION_ITEM.POSTMORTEM_ID, POSTMORTEM.TITLE)
                .from(ACTION_ITEM)
                .join(POSTMORTEM).on(POSTMORTEM.ID.eq(ACTION_ITEM.POSTMORTEM_ID))
                .where(ACTION_ITEM.STATUS.eq(status.wireName()))
                // FollowupRules.overdueOn(day), for this one active status
                .and(FollowupRules.overdueOn(day))
                .and(ACTION_ITEM.CREATED_AT.lt(createdBefore))
                .and(team == null ? noCondition() : ACTION_ITEM.TEAM_ID.eq(team))
                .orderBy(ACTION_ITEM.DUE_DATE, ACTION_ITEM.ID)
                .limit(limit);
    }

    /**
     * The events the review counts from {@code from} to {@code to}: creations, and status changes into or out
     * of a closed status (closings, reopenings; classified by {@link FollowupRules}).
     */
    private static Condition counted(LocalDateTime from, LocalDateTime to, @Nullable Long team) {
        Condition condition = ACTION_EVENT.FIELD.in(ActionEvent.CREATED, STATUS)
                .and(ACTION_EVENT.OCCURRED_AT.ge(from))
                .and(ACTION_EVENT.OCCURRED_AT.lt(to))
                .and(ACTION_EVENT.FIELD.eq(ActionEvent.CREATED)
                        .or(ACTION_EVENT.STATUS_TO.in(FollowupRules.CLOSED_STATUSES))
                        .or(ACTION_EVENT.STATUS_FROM.in(FollowupRules.CLOSED_STATUSES)));
        return team == null ? condition : condition.and(ACTION_EVENT.ACTION_ID.in(
                select(ACTION_ITEM.ID).from(ACTION_ITEM).where(ACTION_ITEM.TEAM_ID.eq(team))));
    }
}
