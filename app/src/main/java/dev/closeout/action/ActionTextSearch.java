package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import dev.closeout.search.TextSearch;
import dev.closeout.web.Cursor;
import io.micronaut.core.annotation.Nullable;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

/**
 * {@code GET /api/actions?q=}: a page of the follow-ups whose text contains the query, in two or three steps
 * at most. First the list is walked as without a query, part by part in index order, looking at the next
 * {@link #WINDOW} follow-ups of each part only: a common word fills the page there (a page of "runbook" needs
 * a few hundred rows). A part with fewer matches than the page needs is then judged by how many it had:
 * <ul>
 *   <li>enough that the page may well fill within {@link #LONG_WINDOW} rows (a word in one follow-up of a
 *       hundred, "idempotent"): the part is walked on in index order, stopping at the page's last match or
 *       at the long window's end, whichever comes first;</li>
 *   <li>fewer, or the long walk did not fill the page: the word is rare there, and the page is read
 *       through the full-text index instead ({@link TextSearch}), which costs in proportion to the matches
 *       of the whole table.</li>
 * </ul>
 * No table is scanned whole. Each way is slow for the other kind of word: a walk costs the page size over
 * the word's frequency, the full-text index its number of matches (each one a row read, and sorted), so a
 * mid-frequency word (9,000 matches in a million) costs ten times more through the index than walked.
 */
@Singleton
class ActionTextSearch {

    /** Follow-ups looked at per part before anything else: a page of 50 in 2,000 is 2.5%. */
    static final int WINDOW = 2_000;
    /** Follow-ups a part is walked at most when its window promised the page there: 50 in 10,000 is 0.5%. */
    static final int LONG_WINDOW = 10_000;
    private static final String PART = "list_part";
    private static final String ROW_KIND = "row_kind";
    private static final int MATCH = 0;
    private static final int WINDOW_END = 1;
    private static final int LONG_WINDOW_END = 2;

    private final DSLContext dsl;
    private final ListPages pages;

    ActionTextSearch(DSLContext dsl, ListPages pages) {
        this.dsl = dsl;
        this.pages = pages;
    }

    /** What walking one part found: its matches in order, and the rows ending its windows, if it has them. */
    private record Walked(List<Record> matches, @Nullable Record windowEnd, @Nullable Record longWindowEnd) {

        /** The part's rows of the page are known: it filled the page, or has no rows past what was walked. */
        boolean decided(int limit, boolean walkedOn) {
            return matches.size() >= limit || (walkedOn ? longWindowEnd : windowEnd) == null;
        }

        /**
         * The window's matches promise a full page within a few long windows: worth walking one. Follow-ups of
         * one postmortem share their words, so a window's count is a rough guess of the word's frequency.
         */
        boolean promising(int limit) {
            return (long) matches.size() * LONG_WINDOW * 4 >= (long) limit * WINDOW;
        }
    }

    List<ActionQueries.Listed> find(ActionFilter filter, LocalDate today, ActionSort sort, @Nullable Cursor.Key after,
                                    int limit) {
        boolean byPrimaryKey = readsPrimaryKey(filter, sort);
        List<ListParts.Part> parts = byPrimaryKey ? ListParts.perSegment(filter, today, sort, after)
                : ListParts.perStatus(filter, today, sort, after);
        if (parts.isEmpty()) {
            return List.of();
        }
        Table<ActionItemRecord> source = byPrimaryKey ? ACTION_ITEM : ListIndexes.source(dsl.dialect(), filter, sort);
        List<Walked> walked = walk(parts, source, filter, sort, limit);
        List<Integer> undecided = new ArrayList<>();
        for (int index = 0; index < parts.size(); index++) {
            if (!walked.get(index).decided(limit, false)) {
                undecided.add(index);
            }
        }
        if (undecided.stream().allMatch(index -> walked.get(index).promising(limit))) {
            if (!undecided.isEmpty()) {
                walkOn(undecided, parts, walked, source, filter, sort, limit);
            }
            boolean decided = undecided.stream().allMatch(index -> walked.get(index).decided(limit, true));
            if (decided) {
                return pages.rows(merged(walked, sort, limit));
            }
        }
        List<ListParts.Part> matching = ListParts.perSegment(filter, today, sort, after).stream()
                .map(part -> new ListParts.Part(part.rows().and(TextSearch.containing(dsl.dialect(), filter.text(),
                        ACTION_ITEM.TEXT)), part.segment()))
                .toList();
        return pages.page(matching, ACTION_ITEM, sort, limit);
    }

    /**
     * Whether the walk reads the table in primary-key order, as one part: a list in id order of every status,
     * team and owner. A walk reads each row's text anyway, so the per-status index ranges would only make
     * each status find a page of its own (four pages' worth of rows for one).
     */
    private static boolean readsPrimaryKey(ActionFilter filter, ActionSort sort) {
        return sort.keyField() == null && filter.statuses().isEmpty() && filter.overdue() == null
                && filter.teamId() == null && filter.scopeTeamId() == null && filter.owner() == null;
    }

    /**
     * Per part, its matches among the window's rows, the row at the window's end and the row at the long
     * window's end if there are such rows: one statement. The ends are read from the index alone.
     */
    private List<Walked> walk(List<ListParts.Part> parts, Table<ActionItemRecord> source, ActionFilter filter,
                              ActionSort sort, int limit) {
        Select<Record> union = null;
        for (int index = 0; index < parts.size(); index++) {
            ListParts.Part part = parts.get(index);
            Table<Record> window = dsl.select(windowFields(sort)).from(source).where(part.rows())
                    .orderBy(sort.orderBy(part.segment())).limit(WINDOW).asTable("window_" + index);
            Select<Record> matches = dsl.select(tagged(window, sort, part, index, MATCH)).from(window)
                    .where(window.field(ACTION_ITEM.TEXT).containsIgnoreCase(filter.text()))
                    .orderBy(windowOrder(window, sort)).limit(limit);
            Select<Record> end = dsl.select(tagged(null, sort, part, index, WINDOW_END)).from(source)
                    .where(part.rows()).orderBy(sort.orderBy(part.segment())).limit(1).offset(WINDOW - 1);
            Select<Record> longEnd = dsl.select(tagged(null, sort, part, index, LONG_WINDOW_END)).from(source)
                    .where(part.rows()).orderBy(sort.orderBy(part.segment())).limit(1).offset(LONG_WINDOW - 1);
            Select<Record> all = matches.unionAll(end).unionAll(longEnd);
            union = union == null ? all : union.unionAll(all);
        }
        Map<Integer, List<Record>> byPart = union.fetch().stream()
                .collect(Collectors.groupingBy(row -> row.get(PART, Integer.class)));
        List<Walked> walked = new ArrayList<>();
        for (int index = 0; index < parts.size(); index++) {
            List<Record> rows = byPart.getOrDefault(index, List.of());
            List<Record> matches = new ArrayList<>(rows.stream().filter(row -> kind(row) == MATCH).toList());
            matches.sort(ListPages.comparator(sort));
            walked.add(new Walked(matches, rows.stream().filter(row -> kind(row) == WINDOW_END).findFirst()
                    .orElse(null), rows.stream().filter(row -> kind(row) == LONG_WINDOW_END).findFirst().orElse(null)));
        }
        return walked;
    }

    /**
     * Walks the {@code undecided} parts on to their long window's end in index order, each stopping at its
     * page's last match: one statement. Replaces their walks in {@code walked}.
     */
    private void walkOn(List<Integer> undecided, List<ListParts.Part> parts, List<Walked> walked,
                        Table<ActionItemRecord> source, ActionFilter filter, ActionSort sort, int limit) {
        Select<Record> union = null;
        for (int index : undecided) {
            ListParts.Part part = parts.get(index);
            Record end = walked.get(index).longWindowEnd();
            Condition upTo = end == null ? noCondition() : sort.rowsUpTo(part.segment(),
                    sort.keyField() == null ? null : end.get(sort.keyField().getName()),
                    end.get(ACTION_ITEM.ID.getName(), Long.class));
            Select<Record> matches = dsl.select(tagged(null, sort, part, index, MATCH)).from(source)
                    .where(part.rows()).and(upTo).and(ACTION_ITEM.TEXT.containsIgnoreCase(filter.text()))
                    .orderBy(sort.orderBy(part.segment())).limit(limit);
            union = union == null ? matches : union.unionAll(matches);
        }
        Map<Integer, List<Record>> byPart = union.fetch().stream()
                .collect(Collectors.groupingBy(row -> row.get(PART, Integer.class)));
        for (int index : undecided) {
            List<Record> matches = new ArrayList<>(byPart.getOrDefault(index, List.of()));
            matches.sort(ListPages.comparator(sort));
            Walked before = walked.get(index);
            walked.set(index, new Walked(matches, before.windowEnd(), before.longWindowEnd()));
        }
    }

    /** The ids of the page: every part's matches merged in the list's order and cut to the page. */
    private static List<Long> merged(List<Walked> walked, ActionSort sort, int limit) {
        List<Record> matches = new ArrayList<>();
        walked.forEach(part -> matches.addAll(part.matches()));
        matches.sort(ListPages.comparator(sort));
        return matches.stream().limit(limit).map(row -> row.get(ACTION_ITEM.ID.getName(), Long.class)).toList();
    }

    private static int kind(Record row) {
        return row.get(ROW_KIND, Integer.class);
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

    /** id, sort value, segment, part and what the row is (a match, a window's end), from the window or the table. */
    private static List<Field<?>> tagged(@Nullable Table<Record> window, ActionSort sort, ListParts.Part part,
                                         int index, int kind) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(window == null ? ACTION_ITEM.ID : window.field(ACTION_ITEM.ID));
        if (sort.keyField() != null) {
            fields.add(window == null ? sort.keyField() : window.field(sort.keyField()));
        }
        fields.add(inline(part.segment().ordinal()).as(ListPages.SEGMENT));
        fields.add(inline(index).as(PART));
        fields.add(inline(kind).as(ROW_KIND));
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
