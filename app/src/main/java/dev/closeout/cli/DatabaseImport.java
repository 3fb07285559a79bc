package dev.closeout.cli;

import dev.closeout.postmortem.ImportConfiguration;
import dev.closeout.postmortem.ImportResult;
import dev.closeout.postmortem.PostmortemImporter;
import io.micronaut.context.ApplicationContext;

/** Imports straight into the configured database, as the server would, several files at once. */
final class DatabaseImport implements ImportTarget {

    static final String ACTOR = "cli";

    private final ApplicationContext context;
    private final PostmortemImporter importer;
    private final int parallelism;

    DatabaseImport() {
        context = ApplicationContext.builder().banner(false).environments(CloseoutCommand.CLI_ENVIRONMENT).start();
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
            ImportResult result = importer.importText(source, text, ACTOR);
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
