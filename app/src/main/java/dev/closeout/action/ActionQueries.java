package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.List;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

/** Searches over follow-ups and their history, composed from the filter's conditions. */
@Singleton
public class ActionQueries {

    private static final List<String> ACTIVE = List.of(ActionStatus.OPEN.wireName(),
            ActionStatus.IN_PROGRESS.wireName());

    private final DSLContext dsl;

    ActionQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Up to {@code limit} follow-ups matching {@code filter} in {@code sort} order, after the row a
     * cursor points at ({@code after}, null for the first page).
     */
    @ReadOnly
    List<ActionItem> find(ActionFilter filter, LocalDate today, ActionSort sort, @Nullable Condition after,
                                 int limit) {
        return dsl.selectFrom(ACTION_ITEM)
                .where(conditions(filter, today))
                .and(after == null ? noCondition() : after)
                .orderBy(sort.orderBy())
                .limit(limit)
                .fetch(ActionQueries::toActionItem);
    }

    private static Condition conditions(ActionFilter filter, LocalDate today) {
        Condition condition = noCondition();
        if (!filter.statuses().isEmpty()) {
            condition = condition.and(ACTION_ITEM.STATUS.in(filter.statuses().stream().map(ActionStatus::wireName)
                    .toList()));
        }
        if (filter.teamId() != null) {
            condition = condition.and(ACTION_ITEM.TEAM_ID.eq(filter.teamId()));
        }
        if (filter.scopeTeamId() != null) {
            condition = condition.and(ACTION_ITEM.TEAM_ID.eq(filter.scopeTeamId()));
        }
        if (filter.owner() != null) {
            condition = condition.and(ACTION_ITEM.OWNER.eq(filter.owner()));
        }
        if (filter.overdue() != null) {
            // the rule of ActionItem.isOverdue, in SQL; spelled out both ways since NOT of a null due date is null
            condition = condition.and(filter.overdue()
                    ? ACTION_ITEM.STATUS.in(ACTIVE).and(ACTION_ITEM.DUE_DATE.lt(today))
                    : ACTION_ITEM.STATUS.notIn(ACTIVE).or(ACTION_ITEM.DUE_DATE.isNull())
                            .or(ACTION_ITEM.DUE_DATE.ge(today)));
        }
        if (filter.dueBefore() != null) {
            condition = condition.and(ACTION_ITEM.DUE_DATE.lt(filter.dueBefore()));
        }
        if (filter.kind() != null) {
            condition = condition.and(ACTION_ITEM.KIND.eq(filter.kind()));
        }
        if (filter.component() != null) {
            condition = condition.and(ACTION_ITEM.POSTMORTEM_ID.in(select(POSTMORTEM.ID).from(POSTMORTEM)
                    .where(POSTMORTEM.ROOT_CAUSE_COMPONENT.eq(filter.component()))));
        }
        if (filter.trigger() != null) {
            condition = condition.and(ACTION_ITEM.POSTMORTEM_ID.in(select(POSTMORTEM.ID).from(POSTMORTEM)
                    .where(POSTMORTEM.ROOT_CAUSE_TRIGGER.eq(filter.trigger()))));
        }
        if (filter.postmortemId() != null) {
            condition = condition.and(ACTION_ITEM.POSTMORTEM_ID.eq(filter.postmortemId()));
        }
        if (filter.text() != null) {
            condition = condition.and(ACTION_ITEM.TEXT.containsIgnoreCase(filter.text()));
        }
        return condition;
    }

    /** Up to {@code limit} events of one follow-up after event {@code afterId}, oldest first. */
    @ReadOnly
    public List<ActionEvent> history(long actionId, @Nullable Long afterId, int limit) {
        return dsl.selectFrom(ACTION_EVENT)
                .where(ACTION_EVENT.ACTION_ID.eq(actionId))
                .and(afterId == null ? noCondition() : ACTION_EVENT.ID.gt(afterId))
                // ids grow with time; occurred_at alone ties within a second on MariaDB
                .orderBy(ACTION_EVENT.ID)
                .limit(limit)
                .fetch(row -> new ActionEvent(row.getId(), row.getActionId(), row.getField(), row.getOldValue(),
                        row.getNewValue(), row.getActor(), row.getOccurredAt()));
    }

    public static ActionItem toActionItem(ActionItemRecord row) {
        return new ActionItem(row.getId(), row.getPostmortemId(), row.getPosition(), row.getText(), row.getKind(),
                row.getGroupName(), row.getOwner(), row.getTeamId(), row.getDueDate(),
                DueSource.fromWireName(row.getDueSource()), row.getPriority(),
                ActionStatus.fromWireName(row.getStatus()), row.getStatusReason(), row.getTicketRef(), row.getSourceLine(),
                Boolean.TRUE.equals(row.getRemovedFromSource()), row.getCreatedAt(), row.getUpdatedAt(),
                row.getClosedAt(), row.getVersion());
    }
}
