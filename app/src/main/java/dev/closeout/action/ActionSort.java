package dev.closeout.action;

import dev.closeout.web.Cursor;
import io.micronaut.core.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static org.jooq.impl.DSL.noCondition;

/**
 * The orders {@code GET /api/actions?sort=} offers; a leading '-' reverses one. Follow-ups without a due
 * date come last in both due orders. Ties are broken by id in the same direction, so a page can start
 * right after the last row of the previous one (keyset pagination) whatever was inserted meanwhile.
 *
 * <p>Each order is read in index order, never sorted: a list is read in {@linkplain Segment segments},
 * the rows with a value first and those without after them, each by its own keyset condition shaped as
 * the index range it is ({@code due > ? OR (due = ? AND id > ?)}, not a row comparison, which MariaDB does
 * not turn into a range).
 */
enum ActionSort {
    ID("id", null, false),
    ID_DESC("-id", null, true),
    DUE("due", Key.DUE, false),
    DUE_DESC("-due", Key.DUE, true),
    CREATED("created", Key.CREATED, false),
    CREATED_DESC("-created", Key.CREATED, true);

    /** The rows with a sort value (all of them when the key is never null), and the rows without one. */
    enum Segment {
        VALUED,
        UNVALUED
    }

    private final String wireName;
    private final @Nullable Key<?> key;
    private final boolean descending;

    ActionSort(String wireName, @Nullable Key<?> key, boolean descending) {
        this.wireName = wireName;
        this.key = key;
        this.descending = descending;
    }

    String wireName() {
        return wireName;
    }

    static ActionSort fromWireName(String value) {
        return Arrays.stream(values()).filter(sort -> sort.wireName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sort '" + value + "'; one of "
                        + Arrays.stream(values()).map(ActionSort::wireName).collect(Collectors.joining(", "))));
    }

    /** The column rows are ordered by before their id, or null for the id order. */
    @Nullable Field<?> keyField() {
        return key == null ? null : key.field;
    }

    boolean descending() {
        return descending;
    }

    /** The segments a page after {@code after} (null: the first page) reads, in list order. */
    List<Segment> segmentsAfter(@Nullable Cursor.Key after) {
        if (key == null || !key.nullable) {
            return List.of(Segment.VALUED);
        }
        return after != null && after.value() == null ? List.of(Segment.UNVALUED)
                : List.of(Segment.VALUED, Segment.UNVALUED);
    }

    /**
     * The rows of {@code segment} after {@code after} in this order.
     *
     * @throws java.time.DateTimeException when the cursor's value is not one this sort writes
     */
    Condition rowsAfter(Segment segment, @Nullable Cursor.Key after) {
        Condition idAfter = after == null ? noCondition()
                : descending ? ACTION_ITEM.ID.lt(after.id()) : ACTION_ITEM.ID.gt(after.id());
        if (key == null) {
            return idAfter;
        }
        if (segment == Segment.UNVALUED) {
            // a cursor in the valued rows has every unvalued row still ahead of it
            return key.field.isNull().and(after != null && after.value() == null ? idAfter : noCondition());
        }
        if (after == null) {
            return key.nullable ? key.field.isNotNull() : noCondition();
        }
        return key.after(after.value(), idAfter, descending);
    }

    /**
     * The rows of {@code segment} up to and including the row with sort value {@code value} (null in the
     * unvalued segment) and id {@code id}: the far end of a stretch of the list, shaped as an index range.
     */
    Condition rowsUpTo(Segment segment, @Nullable Object value, long id) {
        Condition idUpTo = descending ? ACTION_ITEM.ID.ge(id) : ACTION_ITEM.ID.le(id);
        if (key == null || segment == Segment.UNVALUED) {
            return idUpTo;
        }
        return key.upTo(value, idUpTo, descending);
    }

    /** The order of a segment's rows: the index's order, read forwards or backwards. */
    List<SortField<?>> orderBy(Segment segment) {
        SortField<Long> byId = descending ? ACTION_ITEM.ID.desc() : ACTION_ITEM.ID.asc();
        if (key == null || segment == Segment.UNVALUED) {
            return List.of(byId);
        }
        return List.of(descending ? key.field.desc() : key.field.asc(), byId);
    }

    /** The sort value of {@code action} as a cursor carries it; null when the action has none. */
    @Nullable String valueOf(ActionItem action) {
        if (key == null) {
            return null;
        }
        Object value = key.read.apply(action);
        return value == null ? null : value.toString();
    }

    private record Key<T>(Field<T> field, boolean nullable, Function<String, T> parse, Function<ActionItem, T> read) {

        static final Key<LocalDate> DUE = new Key<>(ACTION_ITEM.DUE_DATE, true, LocalDate::parse, ActionItem::dueDate);
        static final Key<LocalDateTime> CREATED = new Key<>(ACTION_ITEM.CREATED_AT, false, LocalDateTime::parse,
                ActionItem::createdAt);

        Condition after(@Nullable String text, Condition idAfter, boolean descending) {
            if (text == null) {
                throw new DateTimeException("a cursor of this order carries a value");
            }
            T value = parse.apply(text);
            // two adjacent ranges of the index (key, id): the rest of this value's rows, then the values after it
            return (descending ? field.lt(value) : field.gt(value)).or(field.eq(value).and(idAfter));
        }

        Condition upTo(@Nullable Object end, Condition idUpTo, boolean descending) {
            if (end == null) {
                throw new IllegalArgumentException("a row of the valued segment has a value");
            }
            T value = field.getDataType().convert(end);
            // the mirror of after: the values before this one, then this value's rows up to the id
            return (descending ? field.gt(value) : field.lt(value)).or(field.eq(value).and(idUpTo));
        }
    }
}
