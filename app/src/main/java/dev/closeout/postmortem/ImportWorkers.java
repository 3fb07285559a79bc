package dev.closeout.postmortem;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The threads imports of many postmortems run on, {@code closeout.import.parallelism} of them shared by every
 * batch: each postmortem is still its own transaction, but several commit at once. Imports are round-trip
 * and commit bound (a commit waits for the database's log to reach the disk, about a millisecond here), so
 * one at a time leaves both the database and the extraction idle most of the time.
 */
@Singleton
public class ImportWorkers {

    private final ExecutorService executor;

    ImportWorkers(ImportConfiguration configuration) {
        AtomicInteger number = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(configuration.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "closeout-import-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Future results of {@code work} on each item, in the items' order. */
    public <T, R> List<Future<R>> submit(List<T> items, Function<T, R> work) {
        List<Future<R>> results = new ArrayList<>(items.size());
        for (T item : items) {
            results.add(executor.submit(() -> work.apply(item)));
        }
        return results;
    }

    /** The result of one import, its exception unwrapped: the caller decides what a failure means. */
    public static <R> R await(Future<R> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for an import");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
