package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import dev.closeout.search.TextSearch;
import dev.closeout.web.Cursor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

/** Searches over follow-ups and their history, composed from the filter's conditions. */
@Singleton
public class ActionQueries {

    private static final String SEGMENT = "list_segment";
    private static final String PAGE = "page";
    private static final String MERGED = "merged";

    private final DSLContext dsl;

    ActionQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A follow-up in a list, with the key of its team (read in the same statement). */
    record Listed(ActionItem action, @Nullable String teamKey) {
    }

    /**
     * Up to {@code limit} follow-ups matching {@code filter} in {@code sort} order, after the row a
     * cursor points at ({@code after}, null for the first page): one statement, each part of it read from an
     * index in order. The list is read per status and per {@linkplain ActionSort.Segment segment} (rows
     * with a sort value, then rows without), each part as its own index range with its own LIMIT, and the
     * parts merged: an index on (status, due, id) gives one status's rows in due order, never two
     * statuses' together, and a list of open and in-progress follow-ups would otherwise be sorted whole for
     * every page. A text search is one part per segment: its rows come from the full-text index. The parts
     * read ids and sort values from their indexes; only the page's rows are then read whole, with their
     * team's key.
     */
    @ReadOnly
    List<Listed> find(ActionFilter filter, LocalDate today, ActionSort sort, @Nullable Cursor.Key after, int limit) {
        Condition common = conditions(filter);
        List<Select<Record>> parts = new ArrayList<>();
        for (ActionSort.Segment segment : sort.segmentsAfter(after)) {
            Condition rows = common.and(sort.rowsAfter(segment, after));
            if (filter.text() != null) {
                Condition statuses = filter.statuses().isEmpty() ? noCondition()
                        : ACTION_ITEM.STATUS.in(filter.statuses().stream().map(ActionStatus::wireName).toList());
                Condition overdue = filter.overdue() == null ? noCondition() : overdueRule(filter.overdue(), today);
                parts.add(part(rows.and(statuses).and(overdue), filter, segment, sort, limit));
                continue;
            }
            for (ActionStatus status : statuses(filter)) {
                if (filter.overdue() == null || status.isActive() || !filter.overdue()) {
                    Condition overdue = filter.overdue() == null || !status.isActive() ? noCondition()
                            : overdue(filter.overdue(), today);
                    parts.add(part(rows.and(ACTION_ITEM.STATUS.eq(status.wireName())).and(overdue), filter, segment,
                            sort, limit));
                }
            }
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        Table<Record> page;
        if (parts.size() == 1) {
            page = parts.get(0).asTable(PAGE);
        } else {
            Select<Record> union = parts.get(0);
            for (Select<Record> part : parts.subList(1, parts.size())) {
                union = union.unionAll(part);
            }
            Table<Record> merged = union.asTable(MERGED);
            page = dsl.select(merged.fields()).from(merged).orderBy(pageOrder(merged, sort)).limit(limit).asTable(PAGE);
        }
        // the page's rows are read whole only now: the parts read their indexes alone
        List<Field<?>> fields = new ArrayList<>(List.of(ACTION_ITEM.fields()));
        fields.add(TEAM.TEAM_KEY);
        return dsl.select(fields)
                .from(page)
                .join(ACTION_ITEM).on(ACTION_ITEM.ID.eq(page.field(ACTION_ITEM.ID)))
                .leftJoin(TEAM).on(TEAM.ID.eq(ACTION_ITEM.TEAM_ID))
                .orderBy(pageOrder(page, sort))
                .fetch(ActionQueries::toListed);
    }

    /** Every status the filter names, or all of them. */
    private static Set<ActionStatus> statuses(ActionFilter filter) {
        return filter.statuses().isEmpty() ? EnumSet.allOf(ActionStatus.class) : EnumSet.copyOf(filter.statuses());
    }

    /**
     * One index range of the list, in index order: the ids and sort values only, which the index holds,
     * so a part reads no row it does not need for a filter.
     */
    private Select<Record> part(Condition rows, ActionFilter filter, ActionSort.Segment segment, ActionSort sort,
                                int limit) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(ACTION_ITEM.ID);
        if (sort.keyField() != null) {
            fields.add(sort.keyField());
        }
        fields.add(inline(segment.ordinal()).as(SEGMENT));
        return dsl.select(fields)
                .from(ListIndexes.source(dsl.dialect(), filter, sort))
                .where(rows)
                .orderBy(sort.orderBy(segment))
                .limit(limit);
    }

    /** The list's order over the merged parts: segment, then the sort value, then id. */
    private static List<SortField<?>> pageOrder(Table<Record> page, ActionSort sort) {
        List<SortField<?>> order = new ArrayList<>();
        order.add(page.field(SEGMENT).asc());
        Field<?> key = sort.keyField();
        if (key != null) {
            Field<?> pageKey = page.field(key.getName());
            order.add(sort.descending() ? pageKey.desc() : pageKey.asc());
        }
        Field<?> id = page.field(ACTION_ITEM.ID.getName());
        order.add(sort.descending() ? id.desc() : id.asc());
        return order;
    }

    /** The rule of {@link ActionItem#isOverdue}, in SQL. */
    private static Condition overdueRule(boolean overdue, LocalDate today) {
        Condition active = ACTION_ITEM.STATUS.in(ActionStatus.OPEN.wireName(), ActionStatus.IN_PROGRESS.wireName());
        return overdue ? active.and(overdue(true, today)) : active.not().or(overdue(false, today));
    }

    /** The rule of {@link ActionItem#isOverdue} for an active status, in SQL. */
    private static Condition overdue(boolean overdue, LocalDate today) {
        // spelled out both ways since NOT of a null due date is null
        return overdue ? ACTION_ITEM.DUE_DATE.lt(today)
                : ACTION_ITEM.DUE_DATE.isNull().or(ACTION_ITEM.DUE_DATE.ge(today));
    }

    private Condition conditions(ActionFilter filter) {
        Condition condition = noCondition();
        if (filter.teamId() != null) {
            condition = condition.and(ACTION_ITEM.TEAM_ID.eq(filter.teamId()));
        }
        if (filter.scopeTeamId() != null) {
            condition = condition.and(ACTION_ITEM.TEAM_ID.eq(filter.scopeTeamId()));
        }
        if (filter.owner() != null) {
            condition = condition.and(ACTION_ITEM.OWNER.eq(filter.owner()));
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
            condition = condition.and(TextSearch.containing(dsl.dialect(), filter.text(), ACTION_ITEM.TEXT));
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

    private static Listed toListed(Record row) {
        return new Listed(toActionItem(row.into(ACTION_ITEM)), row.get(TEAM.TEAM_KEY.getName(), String.class));
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
