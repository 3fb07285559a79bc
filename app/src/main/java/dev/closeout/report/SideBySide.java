package dev.closeout.report;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work a report (or a page of several reports) started on another connection and now waits for. */
public final class SideBySide {

    private SideBySide() {
    }

    /**
     * The result of {@code future}; its own failure (the database gone, say) thrown as it was, so that it is
     * answered as the same failure on the request's thread would be (503 for a passing database fault).
     */
    public static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
