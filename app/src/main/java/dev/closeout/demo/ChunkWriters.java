package dev.closeout.demo;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes chunks of demo incidents on a few threads, each chunk in a transaction of its own, while the caller
 * makes the next ones. The first chunk is written alone (it fixes where each table's ids start); at most
 * twice as many chunks as threads wait, so memory stays bounded. Progress is reported in chunk order.
 */
final class ChunkWriters {

    private final TransactionOperations<Connection> transactions;
    private final DemoWriter writer;
    private final int threads;
    private final ExecutorService executor;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean first = true;

    private record Pending(Future<?> written, Runnable progress) {
    }

    ChunkWriters(TransactionOperations<Connection> transactions, DemoWriter writer, int threads) {
        this.transactions = transactions;
        this.writer = writer;
        this.threads = threads;
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "demo-data-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(List<DemoIncidents.Incident> chunk, long firstEvent, Runnable progress) {
        Future<?> written = executor.submit(() -> transactions.executeWrite(status -> {
            writer.write(chunk, firstEvent);
            return null;
        }));
        pending.add(new Pending(written, progress));
        if (first) {
            first = false;
            awaitOldest();
        }
        while (pending.size() > 2 * threads) {
            awaitOldest();
        }
    }

    /** Waits for every chunk; the first failure ends the run with its cause. */
    void finish() {
        try {
            while (!pending.isEmpty()) {
                awaitOldest();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private void awaitOldest() {
        Pending oldest = pending.removeFirst();
        try {
            oldest.written().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            throw new IllegalStateException("interrupted while writing demo data", e);
        } catch (ExecutionException e) {
            executor.shutdownNow();
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not write demo data", e.getCause());
        }
        oldest.progress().run();
    }
}
