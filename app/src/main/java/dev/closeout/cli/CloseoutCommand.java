package dev.closeout.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/** The top-level {@code closeout} command; each subcommand is one job of the jar. */
@Command(name = "closeout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tracker for postmortem follow-ups.",
        subcommands = {ServeCommand.class, ImportCommand.class, ExtractCommand.class, EvalCommand.class,
                TokenCommand.class, JiraCommand.class, ReportCommand.class, DemoDataCommand.class, BenchCommand.class,
                TrainRootCauseCommand.class, HelpCommand.class})
public class CloseoutCommand {

    /**
     * The environment of the contexts the one-off commands start: what runs on a schedule (the Jira sync
     * worker) stays with {@code serve}, while an import still queues its follow-ups' tickets.
     */
    public static final String CLI_ENVIRONMENT = "cli";

    /** The exit code of a command that could not do its job for a reason it names ({@link CommandFailure}). */
    static final int FAILED = 2;
    /** The exit code of a failure nobody foresaw: a bug, reported in one line, the stack trace with --verbose. */
    static final int UNEXPECTED = 1;

    private boolean serving;

    /**
     * The command line of the jar around {@code root}: every command takes {@code --help} and {@code --verbose},
     * the log is quiet for one-off commands, and a failure is one line on standard error.
     */
    public static CommandLine commandLine(CloseoutCommand root) {
        CommandLine commandLine = new CommandLine(root);
        CommonOptions.addTo(commandLine);
        commandLine.setExecutionStrategy(CloseoutCommand::execute);
        commandLine.setExecutionExceptionHandler(CloseoutCommand::failed);
        return commandLine;
    }

    private static int execute(ParseResult parsed) {
        boolean service = parsed.asCommandLineList().stream()
                .anyMatch(command -> command.getCommand() instanceof ServeCommand);
        CommandLogging logging = CommandLogging.forCommand(service, CommonOptions.verbose(parsed));
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            if (logging != null) {
                logging.close();
            }
        }
    }

    private static int failed(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (failure instanceof CommandFailure) {
            err.println("closeout: " + failure.getMessage());
            err.flush();
            return FAILED;
        }
        if (CommonOptions.verbose(parsed)) {
            failure.printStackTrace(err);
        }
        err.println("closeout: " + command.getCommandName() + " failed: " + rootMessage(failure)
                + (CommonOptions.verbose(parsed) ? "" : " (--verbose shows where)"));
        err.flush();
        return UNEXPECTED;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    void markServing() {
        serving = true;
    }

    /** True once {@code serve} has started the HTTP server, which then owns the JVM's lifetime. */
    public boolean isServing() {
        return serving;
    }
}
