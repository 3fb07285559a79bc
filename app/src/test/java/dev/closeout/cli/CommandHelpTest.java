package dev.closeout.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --help} on every command prints its usage on standard output and exits 0, and {@code help [COMMAND]} does
 * the same. The commands are found by walking the command tree, so a new command is covered without a new test.
 */
class CommandHelpTest {

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsItsUsageForHelp() {
        return commands().map(path -> DynamicTest.dynamicTest(String.join(" ", path) + " --help", () -> {
            List<String> arguments = new ArrayList<>(path);
            arguments.add("--help");

            CommandLineRun run = CommandLineRun.of(arguments.toArray(String[]::new));

            assertEquals(0, run.exitCode(), run.err());
            // contains: help's own usage starts with a line above it
            assertTrue(run.out().contains(usage(path)), run.out());
            assertEquals("", run.err());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandTakesVerbose() {
        CommandLine root = CloseoutCommand.commandLine(new CloseoutCommand());
        return commands().map(path -> DynamicTest.dynamicTest(String.join(" ", path) + " --verbose", () -> {
            CommandLine command = root;
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            assertNotNull(command.getCommandSpec().findOption(CommonOptions.VERBOSE), String.join(" ", path));
        }));
    }

    @Test
    void helpPrintsTheTopUsageWithEveryCommand() {
        CommandLineRun run = CommandLineRun.of("help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: closeout "), run.out());
        for (String command : CloseoutCommand.commandLine(new CloseoutCommand()).getSubcommands().keySet()) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " in " + run.out());
        }
    }

    @Test
    void helpWithACommandPrintsThatCommandsUsage() {
        CommandLineRun run = CommandLineRun.of("help", "import");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: closeout import "), run.out());
        assertEquals("", run.err());
    }

    @Test
    void helpAfterAReportsNamePrintsTheReportCommandsUsage() {
        CommandLineRun run = CommandLineRun.of("report", "weekly", "--help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: closeout report "), run.out());
    }

    /** The root first, then every subcommand at any depth, each as the names a person types. */
    private static Stream<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        collect(CloseoutCommand.commandLine(new CloseoutCommand()), List.of(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collect(sub, subPath, into);
        });
    }

    private static String usage(List<String> path) {
        return "Usage: closeout" + (path.isEmpty() ? "" : " " + String.join(" ", path)) + " ";
    }
}
