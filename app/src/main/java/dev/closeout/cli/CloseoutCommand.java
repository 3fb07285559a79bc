package dev.closeout.cli;

import picocli.CommandLine.Command;

/** The top-level {@code closeout} command; each subcommand is one job of the jar. */
@Command(name = "closeout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tracker for postmortem follow-ups.",
        subcommands = {ServeCommand.class, ImportCommand.class, ExtractCommand.class, EvalCommand.class,
                TokenCommand.class, JiraCommand.class, ReportCommand.class, DemoDataCommand.class, BenchCommand.class,
                TrainRootCauseCommand.class})
public class CloseoutCommand {

    /**
     * The environment of the contexts the one-off commands start: what runs on a schedule (the Jira sync
     * worker) stays with {@code serve}, while an import still queues its follow-ups' tickets.
     */
    public static final String CLI_ENVIRONMENT = "cli";

    private boolean serving;

    void markServing() {
        serving = true;
    }

    /** True once {@code serve} has started the HTTP server, which then owns the JVM's lifetime. */
    public boolean isServing() {
        return serving;
    }
}
