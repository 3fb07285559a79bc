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
 * Runs an {@code extract} batch of many files in a second JVM that compiles with C1 alone
 * ({@code -XX:TieredStopAtLevel=1}), so a plain {@code java -jar closeout.jar extract *.md} is fast without
 * flags. Such a batch is mostly JIT warm-up, and C2 compiling the regex engine, commonmark and the finders
 * costs more than its faster code saves: on 4,200 dev-corpus files the default JVM spent 10.5 s of CPU, the
 * second JVM 6.4 s with its parent's start; on 64 files 1.55 s against 0.8 s plus the parent's 0.55 s
 * (docs/benchmarks.md, "The command line in a JVM of its own"). C2's code is about a fifth faster once it is
 * there, which pays back its compiling only after some 20,000 documents (estimated from the warm costs), so
 * batches over 16,000 files stay in this JVM; so do fewer than 64 files, where the second JVM's start would
 * cost about what it saves.
 * <p>
 * The JVM's own options are passed on. A JVM started with compiler options or an agent (a debugger, a
 * profiler) keeps the batch, and {@code -Dcloseout.extract.fork=false} keeps it always.
 */
final class BatchJvm {

    /** Set to false to extract in this JVM; the second JVM is started with it false. */
    static final String FORK_PROPERTY = "closeout.extract.fork";
    static final int FROM_FILES = 64;
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
     * output and error streams ({@code System.out} and {@code System.err}). Returns its exit code, or null
     * when it could not be started, and the caller then extracts in this JVM.
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
