package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;

/**
 * The orders {@code GET /api/actions?sort=} offers; a leading '-' reverses one. Follow-ups without a due
 * date come last in both due orders. Ties are broken by id in the same direction, so a page can start
 * right after the last row of the previous one (keyset pagination) whatever was inserted meanwhile.
 */
enum ActionSort {
    ID("id", null, false),
    ID_DESC("-id", null, true),
    DUE("due", Key.DUE, false),
    DUE_DESC("-due", Key.DUE, true),
    CREATED("created", Key.CREATED, false),
    CREATED_DESC("-created", Key.CREATED, true);

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

    List<SortField<?>> orderBy() {
        SortField<Long> byId = descending ? ACTION_ITEM.ID.desc() : ACTION_ITEM.ID.asc();
        if (key == null) {
            return List.of(byId);
        }
        return List.of((descending ? key.field.desc() : key.field.asc()).nullsLast(), byId);
    }

    /** The sort value of {@code action} as a cursor carries it; null when the action has none. */
    @Nullable String valueOf(ActionItem action) {
        if (key == null) {
            return null;
        }
        Object value = key.read.apply(action);
        return value == null ? null : value.toString();
    }

    /**
     * Rows after the one with sort value {@code value} and id {@code id} in this order.
     *
     * @throws java.time.DateTimeException when the value is not one this sort writes
     */
    Condition after(@Nullable String value, long id) {
        Condition idAfter = descending ? ACTION_ITEM.ID.lt(id) : ACTION_ITEM.ID.gt(id);
        return key == null ? idAfter : key.after(value, idAfter, descending);
    }

    private record Key<T>(Field<T> field, Function<String, T> parse, Function<ActionItem, T> read) {

        static final Key<LocalDate> DUE = new Key<>(ACTION_ITEM.DUE_DATE, LocalDate::parse, ActionItem::dueDate);
        static final Key<LocalDateTime> CREATED = new Key<>(ACTION_ITEM.CREATED_AT, LocalDateTime::parse,
                ActionItem::createdAt);

        Condition after(@Nullable String text, Condition idAfter, boolean descending) {
            if (text == null) {
                // the last row had no value: only the rest of the valueless tail follows
                return field.isNull().and(idAfter);
            }
            T value = parse.apply(text);
            return (descending ? field.lt(value) : field.gt(value))
                    .or(field.eq(value).and(idAfter))
                    .or(field.isNull());
        }
    }
}
