package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import dev.closeout.search.TextSearch;
import dev.closeout.web.Cursor;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static org.jooq.impl.DSL.inline;

/**
 * {@code GET /api/actions?q=}: a page of the follow-ups whose text contains the query, in two steps at most.
 * First the list is walked as without a query, part by part in index order, looking at the next
 * {@link #WINDOW} follow-ups of each part only: a common word fills the page there (a page of "runbook" needs
 * a few hundred rows). When a part has fewer matches in its window than the page needs and more rows after
 * it, the word is rare there, and the page is read through the full-text index instead ({@link TextSearch}),
 * which costs in proportion to the matches: a handful for a rare word. Either way no table is scanned whole;
 * each of the two would be slow for the other kind of word (a common word has tens of thousands of matches to
 * sort, a rare one leaves a walk to read the table).
 */
@Singleton
class ActionTextSearch {

    /** Follow-ups looked at per part before the full-text index is asked: a page of 50 in 2,000 is 2.5%. */
    static final int WINDOW = 2_000;
    private static final String PART = "list_part";
    private static final String WINDOW_END = "window_end";

    private final DSLContext dsl;
    private final ListPages pages;

    ActionTextSearch(DSLContext dsl, ListPages pages) {
        this.dsl = dsl;
        this.pages = pages;
    }

    List<ActionQueries.Listed> find(ActionFilter filter, LocalDate today, ActionSort sort, @Nullable Cursor.Key after,
                                    int limit) {
        List<ListParts.Part> parts = ListParts.perStatus(filter, today, sort, after);
        if (parts.isEmpty()) {
            return List.of();
        }
        Optional<List<Long>> walked = walk(parts, filter, sort, limit);
        if (walked.isPresent()) {
            return pages.rows(walked.get());
        }
        List<ListParts.Part> matching = ListParts.perSegment(filter, today, sort, after).stream()
                .map(part -> new ListParts.Part(part.rows().and(TextSearch.containing(dsl.dialect(), filter.text(),
                        ACTION_ITEM.TEXT)), part.segment()))
                .toList();
        return pages.page(matching, ACTION_ITEM, sort, limit);
    }

    /**
     * The ids of the page if every part's window decides it: the part has {@code limit} matches in its window,
     * or its window holds all its rows. One statement: per part its matches among the window's rows, and the
     * row at the window's end if there is one.
     */
    private Optional<List<Long>> walk(List<ListParts.Part> parts, ActionFilter filter, ActionSort sort, int limit) {
        Table<ActionItemRecord> source = ListIndexes.source(dsl.dialect(), filter,
                sort);
        Select<Record> union = null;
        for (int index = 0; index < parts.size(); index++) {
            ListParts.Part part = parts.get(index);
            Table<Record> window = dsl.select(windowFields(sort)).from(source).where(part.rows())
                    .orderBy(sort.orderBy(part.segment())).limit(WINDOW).asTable("window_" + index);
            Select<Record> matches = dsl.select(tagged(window, sort, part, index, false)).from(window)
                    .where(window.field(ACTION_ITEM.TEXT).containsIgnoreCase(filter.text()))
                    .orderBy(windowOrder(window, sort)).limit(limit);
            Select<Record> end = dsl.select(tagged(null, sort, part, index, true)).from(source).where(part.rows())
                    .orderBy(sort.orderBy(part.segment())).limit(1).offset(WINDOW - 1);
            Select<Record> both = matches.unionAll(end);
            union = union == null ? both : union.unionAll(both);
        }
        Map<Integer, List<Record>> byPart = union.fetch().stream()
                .collect(Collectors.groupingBy(row -> row.get(PART, Integer.class)));
        List<Record> hits = new ArrayList<>();
        for (int index = 0; index < parts.size(); index++) {
            List<Record> rows = byPart.getOrDefault(index, List.of());
            List<Record> partHits = rows.stream().filter(row -> !row.get(WINDOW_END, Boolean.class)).toList();
            boolean more = partHits.size() < rows.size();
            if (partHits.size() < limit && more) {
                return Optional.empty();
            }
            hits.addAll(partHits);
        }
        hits.sort(ListPages.comparator(sort));
        return Optional.of(hits.stream().limit(limit).map(row -> row.get(ACTION_ITEM.ID.getName(), Long.class))
                .toList());
    }

    private static List<Field<?>> windowFields(ActionSort sort) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(ACTION_ITEM.ID);
        if (sort.keyField() != null) {
            fields.add(sort.keyField());
        }
        fields.add(ACTION_ITEM.TEXT);
        return fields;
    }

    /** id, sort value, segment, part and whether the row is the window's end, from the window or the table. */
    private static List<Field<?>> tagged(@Nullable Table<Record> window, ActionSort sort, ListParts.Part part,
                                         int index, boolean end) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(window == null ? ACTION_ITEM.ID : window.field(ACTION_ITEM.ID));
        if (sort.keyField() != null) {
            fields.add(window == null ? sort.keyField() : window.field(sort.keyField()));
        }
        fields.add(inline(part.segment().ordinal()).as(ListPages.SEGMENT));
        fields.add(inline(index).as(PART));
        fields.add(inline(end).as(WINDOW_END));
        return fields;
    }

    private static List<SortField<?>> windowOrder(Table<Record> window, ActionSort sort) {
        List<SortField<?>> order = new ArrayList<>();
        if (sort.keyField() != null) {
            Field<?> key = window.field(sort.keyField());
            order.add(sort.descending() ? key.desc() : key.asc());
        }
        Field<Long> id = window.field(ACTION_ITEM.ID);
        order.add(sort.descending() ? id.desc() : id.asc());
        return order;
    }
}
