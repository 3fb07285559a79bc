package dev.closeout.notify;

import dev.closeout.action.ActionStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.db.jooq.Tables.TEAM;

/** What planning and writing notifications read of follow-ups and teams. */
@Singleton
class NotifyQueries {

    private static final List<String> OPEN = List.of(ActionStatus.OPEN.wireName(),
            ActionStatus.IN_PROGRESS.wireName());

    private final DSLContext dsl;

    NotifyQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A follow-up as the planner weighs it. */
    record Due(long id, @Nullable String owner, @Nullable Long teamId, LocalDate dueDate,
               @Nullable LocalDate snoozedUntil) {
    }

    /** A team as notifications name it. */
    record TeamName(long id, String key, String name) {
    }

    /** A follow-up as a message tells of it. */
    record FollowUp(long id, String text, ActionStatus status, boolean dismissed, @Nullable String owner,
                    @Nullable Long teamId, @Nullable String teamName, @Nullable LocalDate dueDate,
                    @Nullable LocalDate snoozedUntil, @Nullable String priority, long postmortemId,
                    @Nullable String postmortemTitle, @Nullable String jiraKey) {

        boolean open() {
            return !dismissed && (status == ActionStatus.OPEN || status == ActionStatus.IN_PROGRESS);
        }
    }

    /**
     * Open follow-ups of team {@code teamId} (null: of no team) due on or before {@code dueBy}: the ones that may
     * have a reminder or escalation today. Dismissed ones are not follow-ups.
     */
    @ReadOnly
    List<Due> openDueBy(@Nullable Long teamId, LocalDate dueBy) {
        Condition team = teamId == null ? ACTION_ITEM.TEAM_ID.isNull() : ACTION_ITEM.TEAM_ID.eq(teamId);
        return dsl.select(ACTION_ITEM.ID, ACTION_ITEM.OWNER, ACTION_ITEM.TEAM_ID, ACTION_ITEM.DUE_DATE,
                        ACTION_ITEM.SNOOZED_UNTIL)
                .from(ACTION_ITEM)
                .where(team)
                .and(ACTION_ITEM.STATUS.in(OPEN))
                .and(ACTION_ITEM.DISMISSED.isFalse())
                .and(ACTION_ITEM.DUE_DATE.le(dueBy))
                .orderBy(ACTION_ITEM.ID)
                .fetch(row -> new Due(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
    }

    @ReadOnly
    List<TeamName> teams() {
        return dsl.select(TEAM.ID, TEAM.TEAM_KEY, TEAM.NAME).from(TEAM).orderBy(TEAM.ID)
                .fetch(row -> new TeamName(row.value1(), row.value2(), row.value3()));
    }

    @ReadOnly
    Optional<TeamName> team(long id) {
        return dsl.select(TEAM.ID, TEAM.TEAM_KEY, TEAM.NAME).from(TEAM).where(TEAM.ID.eq(id))
                .fetchOptional(row -> new TeamName(row.value1(), row.value2(), row.value3()));
    }

    @ReadOnly
    Optional<FollowUp> followUp(long id) {
        return dsl.select(ACTION_ITEM.ID, ACTION_ITEM.TEXT, ACTION_ITEM.STATUS, ACTION_ITEM.DISMISSED,
                        ACTION_ITEM.OWNER, ACTION_ITEM.TEAM_ID, TEAM.NAME, ACTION_ITEM.DUE_DATE,
                        ACTION_ITEM.SNOOZED_UNTIL, ACTION_ITEM.PRIORITY, ACTION_ITEM.POSTMORTEM_ID, POSTMORTEM.TITLE,
                        JIRA_TICKET.ISSUE_KEY)
                .from(ACTION_ITEM)
                .join(POSTMORTEM).on(POSTMORTEM.ID.eq(ACTION_ITEM.POSTMORTEM_ID))
                .leftJoin(TEAM).on(TEAM.ID.eq(ACTION_ITEM.TEAM_ID))
                .leftJoin(JIRA_TICKET).on(JIRA_TICKET.ACTION_ID.eq(ACTION_ITEM.ID))
                .where(ACTION_ITEM.ID.eq(id))
                .fetchOptional(row -> new FollowUp(row.value1(), row.value2(),
                        ActionStatus.fromWireName(row.value3()),
                        Boolean.TRUE.equals(row.value4()), row.value5(), row.value6(), row.value7(), row.value8(),
                        row.value9(), row.value10(), row.value11(), row.value12(), row.value13()));
    }
}
