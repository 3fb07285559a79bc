package dev.closeout.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure no command foresaw (here bench's file of requests, which it reads without a check of its own) is one
 * line and exit 1; its stack trace comes with --verbose only.
 */
class UnforeseenFailureTest {

    @TempDir
    Path directory;

    @Test
    void isOneLineNamingTheCommandAndTheCause() {
        Path missing = directory.resolve("missing.txt");

        CommandLineRun run = CommandLineRun.of("bench", "requests", "--requests", missing.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of("closeout: requests failed: NoSuchFileException: " + missing + " (--verbose shows where)"),
                run.err().lines().toList());
    }

    @Test
    void comesWithItsStackTraceWhenVerbose() {
        Path missing = directory.resolve("missing.txt");

        CommandLineRun run = CommandLineRun.of("bench", "requests", "--verbose", "--requests", missing.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().lines().anyMatch(line -> line.startsWith("\tat ")), run.err());
        assertTrue(run.err().strip().endsWith("closeout: requests failed: NoSuchFileException: " + missing), run.err());
    }
}
