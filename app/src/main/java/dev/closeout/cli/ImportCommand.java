package dev.closeout.cli;

import dev.closeout.postmortem.ImportOutcome;
import dev.closeout.postmortem.extraction.UnreadableDocumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import",
        description = {"Import postmortem files into the configured database, or through a Closeout server.",
                "A directory is read recursively for .md, .markdown, .txt, .html and .htm files.",
                "A changed file updates the postmortem imported from the same path; an unchanged one is skipped.",
                "A file that is not text (an image, a PDF, an archive) or is empty is refused and named.",
                "Exit code 0 when every file was imported, 2 when any failed or was refused."})
class ImportCommand implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL",
            description = "Import through this Closeout server (e.g. https://closeout.example.com) instead of the "
                    + "database.")
    private String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "An editor token for --server; defaults to the environment variable "
                    + ServerOptions.TOKEN_VARIABLE + ".")
    private String token;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Postmortem files or directories; - reads standard input.")
    private List<Path> paths;

    private record Failure(String file, String reason) {
    }

    /** How one file went: imported, or the reason it was not. */
    record Attempt(ImportTarget.Imported imported, String failure) {

        static Attempt of(ImportTarget.Imported imported) {
            return new Attempt(imported, null);
        }

        static Attempt failed(String reason) {
            return new Attempt(null, reason);
        }
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        String apiToken = ServerOptions.token(token);
        String problem = ServerOptions.problem(server, token, apiToken, "the import writes to the database");
        if (problem != null) {
            err.println("closeout: " + problem);
            return 2;
        }
        List<PostmortemPaths.Found> files = PostmortemPaths.collect(paths);
        Map<ImportOutcome, Integer> counts = new EnumMap<>(ImportOutcome.class);
        List<Failure> failures = new ArrayList<>();
        ImportProgress progress = new ImportProgress(err, files.size(), ImportProgress.interactive());
        try (ImportTarget target = server == null ? new DatabaseImport() : new ServerImport(server, apiToken);
             ImportPipeline pipeline = new ImportPipeline(target.parallelism())) {
            int number = 0;
            for (PostmortemPaths.Found found : files) {
                int position = ++number;
                pipeline.submit(() -> {
                    try {
                        return Attempt.of(importOne(target, found));
                    } catch (ImportTarget.ImportFailure e) {
                        return Attempt.failed(e.getMessage());
                    }
                }, attempt -> {
                    String file = found.path().toString();
                    progress.start(position, file);
                    if (attempt.failure() != null) {
                        failures.add(new Failure(file, attempt.failure()));
                        return;
                    }
                    counts.merge(attempt.imported().outcome(), 1, Integer::sum);
                    progress.println(out, describe(file, attempt.imported()));
                });
            }
        } finally {
            progress.finish();
        }
        out.printf("%d imported, %d updated, %d unchanged, %d failed%n", counts.getOrDefault(ImportOutcome.IMPORTED, 0),
                counts.getOrDefault(ImportOutcome.UPDATED, 0), counts.getOrDefault(ImportOutcome.UNCHANGED, 0),
                failures.size());
        failures.forEach(failure -> err.println("failed    " + failure.file() + ": " + failure.reason()));
        return failures.isEmpty() ? 0 : 2;
    }

    private static ImportTarget.Imported importOne(ImportTarget target, PostmortemPaths.Found found)
            throws ImportTarget.ImportFailure {
        if (found.problem() != null) {
            throw new ImportTarget.ImportFailure(found.problem());
        }
        String text;
        try {
            text = PostmortemFiles.readText(found.path());
        } catch (IOException e) {
            throw new ImportTarget.ImportFailure(PostmortemFiles.describe(e));
        } catch (UnreadableDocumentException e) {
            // "not text but image/png; ..." or "empty; ...": refused here, nothing sent or stored
            throw new ImportTarget.ImportFailure(e.getMessage());
        }
        // standard input has no path a later import could name again
        String source = found.path().toString().equals("-") ? null : found.path().toString();
        return target.send(source, text);
    }

    private static String describe(String file, ImportTarget.Imported imported) {
        return switch (imported.outcome()) {
            case IMPORTED -> String.format("imported  %s -> postmortem %d, %d actions", file, imported.postmortemId(),
                    imported.actions());
            case UPDATED -> String.format("updated   %s -> postmortem %d, %d actions", file, imported.postmortemId(),
                    imported.actions());
            case UNCHANGED -> String.format("unchanged %s (already postmortem %d)", file, imported.postmortemId());
        };
    }
}
