package dev.closeout.cli;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

import java.net.BindException;

/**
 * Starts the service as {@link Micronaut} does, except for a failure to start: Micronaut logs it with its stack
 * trace and exits 1; here a database that will not open or a port already taken is a {@link CommandFailure}
 * (one line, exit 2), and anything else goes to the command line's handler as it is.
 */
final class ServiceStart extends Micronaut {

    private ServiceStart() {
    }

    static void run() {
        new ServiceStart().mainClass(ServeCommand.class).banner(false).start();
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable failure) {
        // Micronaut hands a failure of the server's start on to its context's handler too: the same failure
        if (failure instanceof CommandFailure already) {
            throw already;
        }
        String database = DatabaseProblem.describe(failure, environment);
        if (database != null) {
            throw new CommandFailure(database, failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                // a service started on the port after ServicePort looked: Netty has logged it, this says what to do
                throw new CommandFailure(ServicePort.inUse(environment.getProperty(ServicePort.PORT, Integer.class)
                        .orElse(ServicePort.DEFAULT_PORT)), failure);
            }
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        throw new IllegalStateException(failure);
    }
}
