package dev.closeout.cli;

import picocli.CommandLine.Command;

/** The top-level {@code closeout} command; each subcommand is one job of the jar. */
@Command(name = "closeout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tracker for postmortem follow-ups.",
        subcommands = {ServeCommand.class, ImportCommand.class, ExtractCommand.class, TokenCommand.class,
                JiraCommand.class})
public class CloseoutCommand {

    private boolean serving;

    void markServing() {
        serving = true;
    }

    /** True once {@code serve} has started the HTTP server, which then owns the JVM's lifetime. */
    public boolean isServing() {
        return serving;
    }
}
