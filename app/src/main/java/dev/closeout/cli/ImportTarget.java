package dev.closeout.cli;

import dev.closeout.postmortem.ImportOutcome;

/**
 * Where {@code closeout import} sends postmortems: the configured database, or a Closeout server over
 * HTTP. Both import by content hash, so sending a file again is safe.
 */
interface ImportTarget extends AutoCloseable {

    /** What happened to one file. */
    record Imported(ImportOutcome outcome, long postmortemId, int actions) {
    }

    /** Why one file could not be imported, in words for the summary. */
    final class ImportFailure extends Exception {
        ImportFailure(String reason) {
            super(reason);
        }
    }

    Imported send(String source, String text) throws ImportFailure;

    /** How many files {@link #send} may be given at once, from as many threads. */
    default int parallelism() {
        return 1;
    }

    @Override
    void close();
}
