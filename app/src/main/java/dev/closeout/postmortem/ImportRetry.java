package dev.closeout.postmortem;

import dev.closeout.web.DatabaseFaults;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs an import step again when a concurrent import got in its way: a deadlock or lock wait between
 * imports racing for the same source or text, the content-hash key the other one wrote first (the next
 * try finds its postmortem), or every pooled connection busy. Pauses grow from 25 ms, doubling, up to
 * 1 s, each drawn at random from its upper half so the racers spread out; after {@link #ATTEMPTS} the
 * error goes to the caller, which answers 503 for a passing fault. An unreachable database is not
 * retried here: the client is told 503 at once and retries itself.
 */
@Singleton
class ImportRetry {

    static final int ATTEMPTS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(25);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    <T> T run(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
    }

    static boolean retryable(Throwable e) {
        return !DatabaseFaults.unreachable(e)
                && (DatabaseFaults.lockConflict(e) || DatabaseFaults.duplicateKey(e) || DatabaseFaults.poolBusy(e));
    }

    private static void pause(int attempt, RuntimeException cause) {
        long ceiling = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << (attempt - 1));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
