package dev.closeout.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the imports of {@code closeout import} a few at a time while reporting them one by one in the order
 * of the files, as a sequential import would. With one at a time it runs each where it is submitted.
 */
final class ImportPipeline implements AutoCloseable {

    private record Pending<T>(Future<T> result, Consumer<T> report) {

        void finish() {
            try {
                report.accept(result.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
    }

    private final int parallelism;
    private final ExecutorService executor;
    private final Deque<Pending<?>> pending = new ArrayDeque<>();

    ImportPipeline(int parallelism) {
        this.parallelism = parallelism;
        this.executor = parallelism <= 1 ? null : Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "closeout-import-file");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work}; its result goes to {@code report} after every earlier one's. */
    <T> void submit(Callable<T> work, Consumer<T> report) {
        if (executor == null) {
            try {
                report.accept(work.call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        pending.add(new Pending<>(executor.submit(work), report));
        // a few ahead keep every thread busy; more would only hold texts in memory
        while (pending.size() > 2 * parallelism) {
            pending.removeFirst().finish();
        }
    }

    /** Reports what is still running, then stops the threads. */
    @Override
    public void close() {
        try {
            while (!pending.isEmpty()) {
                pending.removeFirst().finish();
            }
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }
}
