package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionEventRecord;
import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import dev.closeout.web.Cursor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.LocalDate;
import java.util.List;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static org.jooq.impl.DSL.noCondition;

/** Searches over follow-ups and their history, composed from the filter's conditions. */
@Singleton
public class ActionQueries {

    private final DSLContext dsl;
    private final ListPages pages;
    private final ActionTextSearch textSearch;

    ActionQueries(DSLContext dsl, ListPages pages, ActionTextSearch textSearch) {
        this.dsl = dsl;
        this.pages = pages;
        this.textSearch = textSearch;
    }

    /**
     * The follow-ups no person dismissed as no follow-up at all: every list shows only these, and every report
     * counts only these ({@code dev.closeout.report.FollowupRules#counted}). A dismissed one is still read by its
     * id, with its history.
     */
    public static Condition notDismissed() {
        return ACTION_ITEM.DISMISSED.isFalse();
    }

    /** A follow-up in a list, with the key of its team (read in the same statement). */
    record Listed(ActionItem action, @Nullable String teamKey) {
    }

    /**
     * Up to {@code limit} follow-ups matching {@code filter} in {@code sort} order, after the row a cursor
     * points at ({@code after}, null for the first page). One statement reads the page from indexes in order
     * ({@link ListParts}, {@link ListPages}); a text search takes one or two ({@link ActionTextSearch}).
     */
    @ReadOnly
    List<Listed> find(ActionFilter filter, LocalDate today, ActionSort sort, @Nullable Cursor.Key after, int limit) {
        if (filter.text() != null) {
            return textSearch.find(filter, today, sort, after, limit);
        }
        return pages.page(ListParts.perStatus(filter, today, sort, after), ListIndexes.source(dsl.dialect(), filter,
                sort), sort, limit);
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
                .fetch(ActionQueries::toActionEvent);
    }

    /** The latest {@code limit} events of one follow-up, newest first. */
    @ReadOnly
    public List<ActionEvent> recentHistory(long actionId, int limit) {
        return dsl.selectFrom(ACTION_EVENT)
                .where(ACTION_EVENT.ACTION_ID.eq(actionId))
                .orderBy(ACTION_EVENT.ID.desc())
                .limit(limit)
                .fetch(ActionQueries::toActionEvent);
    }

    static Listed toListed(Record row) {
        return new Listed(toActionItem(row.into(ACTION_ITEM)), row.get(TEAM.TEAM_KEY.getName(), String.class));
    }

    private static ActionEvent toActionEvent(ActionEventRecord row) {
        return new ActionEvent(row.getId(), row.getActionId(), row.getField(), row.getOldValue(), row.getNewValue(),
                row.getActor(), row.getOccurredAt());
    }

    public static ActionItem toActionItem(ActionItemRecord row) {
        return new ActionItem(row.getId(), row.getPostmortemId(), row.getPosition(), row.getText(), row.getKind(),
                row.getGroupName(), row.getOwner(), OwnerSource.fromWireName(row.getOwnerSource()), row.getTeamId(),
                row.getDueDate(), DueSource.fromWireName(row.getDueSource()), row.getPriority(),
                ActionStatus.fromWireName(row.getStatus()), row.getStatusReason(), row.getTicketRef(), row.getSourceLine(),
                Boolean.TRUE.equals(row.getRemovedFromSource()), ActionOrigin.fromWireName(row.getOrigin()),
                Boolean.TRUE.equals(row.getDismissed()), row.getDismissalReason(), row.getCreatedAt(),
                row.getUpdatedAt(), row.getClosedAt(), row.getSnoozedUntil(), row.getVersion());
    }
}
