package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static org.jooq.impl.DSL.inline;

/**
 * Reads one page of a follow-up list from its {@linkplain ListParts parts} in one statement: each part is an
 * index range in order with its own LIMIT, reading ids and sort values only (which the index holds); the
 * parts are merged and cut to the page; only then are the page's rows read whole, with their teams' keys.
 */
@Singleton
class ListPages {

    static final String SEGMENT = "list_segment";
    private static final String PAGE = "page";
    private static final String MERGED = "merged";

    private final DSLContext dsl;

    ListPages(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Up to {@code limit} follow-ups of {@code parts}, each read from {@code source}, in {@code sort} order. */
    List<ActionQueries.Listed> page(List<ListParts.Part> parts, Table<ActionItemRecord> source, ActionSort sort,
                                    int limit) {
        if (parts.isEmpty()) {
            return List.of();
        }
        List<Select<Record>> ranges = parts.stream().map(part -> range(part, source, sort, limit)).toList();
        Table<Record> page;
        if (ranges.size() == 1) {
            page = ranges.get(0).asTable(PAGE);
        } else {
            Select<Record> union = ranges.get(0);
            for (Select<Record> range : ranges.subList(1, ranges.size())) {
                union = union.unionAll(range);
            }
            Table<Record> merged = union.asTable(MERGED);
            page = dsl.select(merged.fields()).from(merged).orderBy(order(merged, sort)).limit(limit).asTable(PAGE);
        }
        return dsl.select(fields())
                .from(page)
                .join(ACTION_ITEM).on(ACTION_ITEM.ID.eq(page.field(ACTION_ITEM.ID)))
                .leftJoin(TEAM).on(TEAM.ID.eq(ACTION_ITEM.TEAM_ID))
                .orderBy(order(page, sort))
                .fetch(ActionQueries::toListed);
    }

    /** The follow-ups with these ids, in this order, with their teams' keys. */
    List<ActionQueries.Listed> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ActionQueries.Listed> byId = dsl.select(fields()).from(ACTION_ITEM)
                .leftJoin(TEAM).on(TEAM.ID.eq(ACTION_ITEM.TEAM_ID))
                .where(ACTION_ITEM.ID.in(ids))
                .fetch(ActionQueries::toListed).stream()
                .collect(Collectors.toMap(listed -> listed.action().id(), Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    /** One index range of the list in index order: ids and sort values, reading no row it does not filter on. */
    Select<Record> range(ListParts.Part part, Table<ActionItemRecord> source, ActionSort sort, int limit) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(ACTION_ITEM.ID);
        if (sort.keyField() != null) {
            fields.add(sort.keyField());
        }
        fields.add(inline(part.segment().ordinal()).as(SEGMENT));
        return dsl.select(fields).from(source).where(part.rows()).orderBy(sort.orderBy(part.segment())).limit(limit);
    }

    /** The list's order over rows of several parts: segment, then the sort value, then id. */
    static List<SortField<?>> order(Table<Record> rows, ActionSort sort) {
        List<SortField<?>> order = new ArrayList<>();
        order.add(rows.field(SEGMENT).asc());
        Field<?> key = sort.keyField();
        if (key != null) {
            Field<?> rowsKey = rows.field(key.getName());
            order.add(sort.descending() ? rowsKey.desc() : rowsKey.asc());
        }
        Field<?> id = rows.field(ACTION_ITEM.ID.getName());
        order.add(sort.descending() ? id.desc() : id.asc());
        return order;
    }

    /** The same order in Java, for rows read as (segment, sort value, id). */
    static Comparator<Record> comparator(ActionSort sort) {
        Comparator<Record> byKey = (first, second) -> {
            Field<?> key = sort.keyField();
            if (key == null) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            Comparable<Object> a = (Comparable<Object>) first.get(key.getName());
            Object b = second.get(key.getName());
            // within a segment both have a value, or neither has
            return a == null || b == null ? 0 : sort.descending() ? -a.compareTo(b) : a.compareTo(b);
        };
        Comparator<Record> byId = Comparator.comparingLong(row -> row.get(ACTION_ITEM.ID.getName(), Long.class));
        return Comparator.<Record>comparingInt(row -> row.get(SEGMENT, Integer.class)).thenComparing(byKey)
                .thenComparing(sort.descending() ? byId.reversed() : byId);
    }

    private static List<Field<?>> fields() {
        List<Field<?>> fields = new ArrayList<>(List.of(ACTION_ITEM.fields()));
        fields.add(TEAM.TEAM_KEY);
        return fields;
    }
}
