package dev.closeout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list answer: {@code next} is the cursor for the following page, null on the last.
 */
@Serdeable
public record Page<T>(List<T> items, @Nullable String next) {

    /**
     * Builds a page from a query that asked for {@code limit + 1} rows: the extra row only tells that
     * another page exists.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, ToLongFunction<R> keyOf, Function<R, T> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(keyOf.applyAsLong(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
