package dev.closeout;

import dev.closeout.cli.CloseoutCommand;
import picocli.CommandLine;

/**
 * The one entry point of {@code closeout.jar}: the HTTP service ({@code serve}, the default) and the
 * command-line tools share it, so a deployment ships a single artifact.
 */
public final class Closeout {

    private Closeout() {
    }

    public static void main(String[] args) {
        CloseoutCommand root = new CloseoutCommand();
        int exitCode = new CommandLine(root).execute(args.length == 0 ? new String[] {"serve"} : args);
        // A running server keeps the JVM alive through its own non-daemon threads.
        if (!root.isServing()) {
            System.exit(exitCode);
        }
    }
}
