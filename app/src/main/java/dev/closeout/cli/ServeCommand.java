package dev.closeout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "serve", description = {"Start the HTTP service (the default when no command is given).",
        "Exit code 2, with the reason on stderr, when it cannot start: its port in use, its database unreachable."})
class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private CloseoutCommand parent;

    @Override
    public Integer call() {
        ServicePort.checkFree();
        ServiceStart.run();
        parent.markServing();
        return 0;
    }
}
