package dev.closeout.cli;

import io.micronaut.runtime.Micronaut;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "serve", description = "Start the HTTP service (the default when no command is given).")
class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private CloseoutCommand parent;

    @Override
    public Integer call() {
        Micronaut.build(new String[0]).mainClass(ServeCommand.class).banner(false).start();
        parent.markServing();
        return 0;
    }
}
