package dev.closeout.cli;

import dev.closeout.postmortem.ImportConfiguration;
import dev.closeout.postmortem.ImportResult;
import dev.closeout.postmortem.PostmortemImporter;
import dev.closeout.team.FollowUpDefaults;
import io.micronaut.context.ApplicationContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports straight into the configured database, as the server would, several files at once. Every
 * {@link #BATCH} files are one batch as {@code POST /api/postmortems/batch} takes them: their follow-ups'
 * teams are looked up once per batch.
 */
final class DatabaseImport implements ImportTarget {

    static final String ACTOR = "cli";
    /** Files imported with the same teams looked up, as in a batch request of the default size. */
    static final int BATCH = 100;

    private final AtomicInteger sent = new AtomicInteger();
    private volatile FollowUpDefaults.TeamsOfBatch teams = new FollowUpDefaults.TeamsOfBatch();

    private final ApplicationContext context;
    private final PostmortemImporter importer;
    private final int parallelism;

    DatabaseImport() {
        context = CommandContext.start();
        importer = context.getBean(PostmortemImporter.class);
        parallelism = context.getBean(ImportConfiguration.class).parallelism();
    }

    /** As the server imports batches: {@code closeout.import.parallelism} files at once. */
    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public Imported send(String source, String text) throws ImportFailure {
        try {
            if (sent.incrementAndGet() % BATCH == 0) {
                teams = new FollowUpDefaults.TeamsOfBatch();
            }
            ImportResult result = importer.importText(source, text, ACTOR, null, teams);
            return new Imported(result.outcome(), result.postmortem().id(), result.actions().size());
        } catch (RuntimeException e) {
            throw new ImportFailure("could not be stored: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
