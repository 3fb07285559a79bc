package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.util.List;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static org.jooq.impl.DSL.noCondition;

/** Searches over follow-ups, composed from the filter's conditions. */
@Singleton
public class ActionQueries {

    private final DSLContext dsl;

    ActionQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Up to {@code limit} follow-ups with ids after {@code afterId}, in id order. */
    @ReadOnly
    public List<ActionItem> find(ActionFilter filter, @Nullable Long afterId, int limit) {
        Condition condition = noCondition();
        if (filter.status() != null) {
            condition = condition.and(ACTION_ITEM.STATUS.eq(filter.status().wireName()));
        }
        if (afterId != null) {
            condition = condition.and(ACTION_ITEM.ID.gt(afterId));
        }
        return dsl.selectFrom(ACTION_ITEM)
                .where(condition)
                .orderBy(ACTION_ITEM.ID)
                .limit(limit)
                .fetch(ActionQueries::toActionItem);
    }

    static ActionItem toActionItem(ActionItemRecord row) {
        return new ActionItem(row.getId(), row.getPostmortemId(), row.getPosition(), row.getText(), row.getKind(),
                row.getGroupName(), row.getOwner(), row.getTeamId(), row.getDueDate(),
                DueSource.fromWireName(row.getDueSource()), row.getPriority(),
                ActionStatus.fromWireName(row.getStatus()), row.getStatusReason(), row.getTicketRef(), row.getSourceLine(),
                Boolean.TRUE.equals(row.getRemovedFromSource()), row.getCreatedAt(), row.getUpdatedAt(),
                row.getClosedAt(), row.getVersion());
    }
}
