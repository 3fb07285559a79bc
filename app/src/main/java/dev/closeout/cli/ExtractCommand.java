package dev.closeout.cli;

import dev.closeout.postmortem.extraction.ExtractedAction;
import dev.closeout.postmortem.extraction.Extraction;
import dev.closeout.postmortem.extraction.PostmortemExtractor;
import io.micronaut.core.annotation.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Extracts the files on every core and prints each file's result in the order the files were given, as
 * soon as it and those before it are done. At most a few files per core are read ahead, so memory stays
 * bounded however many files are named. No application context: extraction needs none. A batch of 64 to
 * 16,000 files runs in a JVM started for it ({@link BatchJvm}).
 */
@Command(name = "extract", description = "Print what would be extracted from postmortem files (no database).")
class ExtractCommand implements Callable<Integer> {

    /** Files in flight per worker: enough to keep every core busy while one large file holds the output. */
    private static final int AHEAD_PER_WORKER = 8;

    enum Format { json, text }

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Postmortem files; - reads standard input.")
    private List<Path> files;

    /** One file's printed result, or why it could not be read. */
    private record Result(@Nullable String printed, @Nullable String problem) {
    }

    @Override
    public Integer call() throws InterruptedException {
        // a batch that reads standard input stays here: System.in may not be the process's (a test, an embedding)
        if (BatchJvm.suits(files.size()) && files.stream().noneMatch(PostmortemFiles::isStandardInput)) {
            Integer exitCode = BatchJvm.run(arguments());
            if (exitCode != null) {
                return exitCode;
            }
        }
        PostmortemExtractor extractor = new PostmortemExtractor();
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        int workers = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), task -> {
            Thread thread = new Thread(task, "extract-worker");
            thread.setDaemon(true);
            return thread;
        });
        boolean failed = false;
        int printed = 0;
        try {
            Deque<Future<Result>> inFlight = new ArrayDeque<>();
            Iterator<Path> pending = files.iterator();
            if (format == Format.json) {
                out.print('[');
            }
            while (pending.hasNext() || !inFlight.isEmpty()) {
                while (pending.hasNext() && inFlight.size() < workers * AHEAD_PER_WORKER) {
                    inFlight.add(submit(pool, extractor, pending.next()));
                }
                Result result = inFlight.remove().get();
                if (result.problem() != null) {
                    out.flush();
                    System.err.println(result.problem());
                    failed = true;
                    continue;
                }
                if (format == Format.json && printed > 0) {
                    out.print(',');
                }
                out.print(result.printed());
                printed++;
            }
            if (format == Format.json) {
                out.println(']');
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            out.flush();
        }
        return failed ? 2 : 0;
    }

    /** This command's arguments as given: "--" before the files, as a file's name may start with '-'. */
    private List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("extract", "--format", format.name(), "--"));
        files.forEach(file -> arguments.add(file.toString()));
        return arguments;
    }

    /** Standard input is read here, in the order given; a file is read by the worker that extracts it. */
    private Future<Result> submit(ExecutorService pool, PostmortemExtractor extractor, Path file) {
        if (PostmortemFiles.isStandardInput(file)) {
            try {
                String text = PostmortemFiles.read(file);
                return pool.submit(() -> extracted(extractor, file, text));
            } catch (IOException e) {
                return CompletableFuture.completedFuture(unreadable(file, e));
            }
        }
        return pool.submit(() -> {
            try {
                return extracted(extractor, file, PostmortemFiles.read(file));
            } catch (IOException e) {
                return unreadable(file, e);
            }
        });
    }

    private Result extracted(PostmortemExtractor extractor, Path file, String text) {
        Extraction extraction = extractor.extract(text);
        String name = file.toString();
        return new Result(format == Format.json ? ExtractionJson.of(name, extraction) : summary(name, extraction), null);
    }

    private static Result unreadable(Path file, IOException e) {
        return new Result(null, "closeout: cannot read " + file + ": " + PostmortemFiles.describe(e));
    }

    /** A summary for people: the incident's facts, then the actions by group with owners and dues aligned. */
    private static String summary(String file, Extraction extraction) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("== " + file);
        out.println("title:      " + orDash(extraction.title()));
        out.println("service:    " + orDash(extraction.service()));
        out.println("incident:   " + orDash(extraction.incident().start()) + " .. " + orDash(extraction.incident().end())
                + (extraction.incident().durationMinutes() == null ? ""
                : " (" + extraction.incident().durationMinutes() + " min)"));
        out.println("impact:     " + (extraction.impactPercent() == null ? "-" : extraction.impactPercent() + "%"));
        out.println("root cause: " + orDash(extraction.rootCause().component()) + " / "
                + orDash(extraction.rootCause().trigger()) + " - " + orDash(extraction.rootCause().summary()));
        List<ExtractedAction> actions = extraction.actions();
        out.println(actions.size() + (actions.size() == 1 ? " action" : " actions"));
        int ownerWidth = Math.max(5, actions.stream().mapToInt(action -> orDash(action.owner()).length()).max().orElse(0));
        String group = null;
        for (ExtractedAction action : actions) {
            if (!Objects.equals(action.group(), group)) {
                group = action.group();
                out.println("  " + orDash(group));
            }
            out.printf("    %-12s %-" + ownerWidth + "s %-10s %s%n", orDash(action.kind()), orDash(action.owner()),
                    action.due() == null ? "-" : action.due(), action.text());
        }
        out.println();
        out.flush();
        return text.toString();
    }

    private static String orDash(@Nullable Object value) {
        return value == null ? "-" : value.toString();
    }
}
