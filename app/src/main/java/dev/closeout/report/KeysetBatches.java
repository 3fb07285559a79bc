package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A long list read in batches, each starting after the last row of the one before (keyset), so an export of
 * 100,000 rows is many small indexed queries rather than one big one, and each batch is read only when the
 * previous one has been written.
 */
public final class KeysetBatches {

    private KeysetBatches() {
    }

    /**
     * Batches of up to {@code size} rows: {@code read} is given the last row of the previous batch (null for
     * the first) and the size; a batch shorter than the size is the last.
     */
    public static <R> Stream<List<R>> of(int size, BiFunction<@Nullable R, Integer, List<R>> read) {
        Iterator<List<R>> batches = new Iterator<>() {
            private @Nullable R last;
            private @Nullable List<R> next;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (next == null && !ended) {
                    List<R> batch = read.apply(last, size);
                    ended = batch.size() < size;
                    if (!batch.isEmpty()) {
                        next = batch;
                        last = batch.get(batch.size() - 1);
                    }
                }
                return next != null;
            }

            @Override
            public List<R> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<R> batch = next;
                next = null;
                return batch;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false);
    }
}
