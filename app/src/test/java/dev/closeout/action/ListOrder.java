package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;

import java.util.Comparator;
import java.util.function.Function;

/** What a test expects of {@code GET /api/actions?sort=}: the order the API promises, computed from the rows. */
final class ListOrder {

    private ListOrder() {
    }

    /** The API's orders: by the value (rows without one last), then by id, both in the sort's direction. */
    static Comparator<ActionItemRecord> of(String sort) {
        boolean descending = sort.startsWith("-");
        Comparator<ActionItemRecord> byId = Comparator.comparing(ActionItemRecord::getId);
        Comparator<ActionItemRecord> ids = descending ? byId.reversed() : byId;
        Function<ActionItemRecord, ? extends Comparable<?>> key = switch (sort.replace("-", "")) {
            case "due" -> ActionItemRecord::getDueDate;
            case "created" -> ActionItemRecord::getCreatedAt;
            default -> null;
        };
        if (key == null) {
            return ids;
        }
        @SuppressWarnings("unchecked")
        Function<ActionItemRecord, Comparable<Object>> value = row -> (Comparable<Object>) key.apply(row);
        Comparator<Comparable<Object>> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(value, Comparator.nullsLast(values)).thenComparing(ids);
    }
}
