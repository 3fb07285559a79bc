package dev.closeout.cli;

import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * The application context a one-off command runs in (environment {@link CloseoutCommand#CLI_ENVIRONMENT}): the
 * configured database, nothing scheduled. A database that cannot be opened is a {@link CommandFailure} naming
 * it, not the driver's exception chain.
 */
final class CommandContext {

    private CommandContext() {
    }

    static ApplicationContext start() {
        return start(Map.of());
    }

    static ApplicationContext start(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().banner(false)
                .environments(CloseoutCommand.CLI_ENVIRONMENT).properties(properties).build();
        try {
            return context.start();
        } catch (RuntimeException e) {
            String problem = DatabaseProblem.describe(e, context.getEnvironment());
            stopQuietly(context);
            if (problem == null) {
                throw e;
            }
            throw new CommandFailure(problem, e);
        }
    }

    private static void stopQuietly(ApplicationContext context) {
        try {
            context.stop();
        } catch (RuntimeException e) {
            // what the half-started context held goes with the process; the failure to report is the start's
        }
    }
}
