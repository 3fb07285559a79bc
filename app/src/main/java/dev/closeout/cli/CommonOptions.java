package dev.closeout.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * What every command takes, added to each one in the tree so that a new command has them too: {@code -h, --help}
 * (its usage on standard output, exit 0) and {@code --verbose} (the log's INFO lines, see {@link CommandLogging}).
 * A command that declares either itself keeps its own.
 */
final class CommonOptions {

    static final String VERBOSE = "--verbose";

    private CommonOptions() {
    }

    static void addTo(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        if (spec.findOption(VERBOSE) == null) {
            spec.addOption(OptionSpec.builder(VERBOSE).arity("0").type(boolean.class)
                    .description("Also print the log's INFO lines (by default a command prints only warnings and "
                            + "errors).").build());
        }
        command.getSubcommands().values().forEach(CommonOptions::addTo);
    }

    /** Whether --verbose was given to the command or to any command above it ({@code closeout --verbose import}). */
    static boolean verbose(ParseResult parsed) {
        for (ParseResult command = parsed; command != null; command = command.subcommand()) {
            if (command.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
