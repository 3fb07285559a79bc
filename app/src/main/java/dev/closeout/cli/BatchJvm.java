package dev.closeout.cli;

import io.micronaut.core.annotation.Nullable;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a large {@code extract} batch in a second JVM that compiles with C1 alone
 * ({@code -XX:TieredStopAtLevel=1}), so a plain {@code java -jar closeout.jar extract *.md} is fast without
 * flags. A batch of a few thousand files is mostly JIT warm-up: on 4,200 dev-corpus files the default JVM
 * spent about 10 s of CPU, 4 of them in C2 compiling the regex engine, commonmark and the finders, where C1
 * alone needs 6 s in all (docs/benchmarks.md). C2's code is about a quarter faster once it is there, which
 * pays back its compiling only after some 16,000 documents, so larger batches stay in this JVM; so do small
 * ones, which a second JVM's start would cost more than it saves.
 * <p>
 * The JVM's own options are passed on. A JVM started with compiler options or an agent (a debugger, a
 * profiler) keeps the batch, and {@code -Dcloseout.extract.fork=false} keeps it always.
 */
final class BatchJvm {

    /** Set to false to extract in this JVM; the second JVM is started with it false. */
    static final String FORK_PROPERTY = "closeout.extract.fork";
    static final int FROM_FILES = 256;
    static final int UP_TO_FILES = 16_000;

    private BatchJvm() {
    }

    /** Whether a batch of this many files runs faster in a second JVM started for it. */
    static boolean suits(int files) {
        if (files < FROM_FILES || files > UP_TO_FILES
                || !Boolean.parseBoolean(System.getProperty(FORK_PROPERTY, "true"))) {
            return false;
        }
        for (String option : jvmOptions()) {
            if (option.contains("Tiered") || option.contains("CompileThreshold") || option.startsWith("-agent")
                    || option.startsWith("-javaagent") || option.startsWith("-Xint") || option.startsWith("-Xcomp")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code closeout extract ARGUMENTS} in the second JVM, copying what it prints to this process's
     * output and error streams ({@code System.out} and {@code System.err}). Returns its exit code, or null when it could not
     * be started, and the caller then extracts in this JVM.
     */
    static @Nullable Integer run(List<String> arguments) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-D" + FORK_PROPERTY + "=false");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.closeout.Closeout");
        command.addAll(arguments);
        Process child;
        try {
            // a batch that reads standard input is not run here (ExtractCommand), so the child's stays empty
            child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(emptyInput())).start();
        } catch (IOException | UnsupportedOperationException cannotStart) {
            return null;
        }
        Thread errors = new Thread(() -> copy(child.getErrorStream(), System.err), "extract-errors");
        errors.setDaemon(true);
        errors.start();
        try {
            copy(child.getInputStream(), System.out);
            int exitCode = child.waitFor();
            errors.join();
            return exitCode;
        } finally {
            child.destroy();
        }
    }

    private static File emptyInput() {
        return new File(File.separatorChar == '/' ? "/dev/null" : "NUL");
    }

    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static void copy(InputStream from, PrintStream to) {
        try (from) {
            from.transferTo((OutputStream) to);
            to.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
