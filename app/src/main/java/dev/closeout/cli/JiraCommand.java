package dev.closeout.cli;

import dev.closeout.integrations.jira.JiraTrackers;
import dev.closeout.jira.JiraCheck;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** Jira from the shell: a configuration checked before the sync is turned on, and whenever it misbehaves. */
@Command(name = "jira", description = "Jira sync tools.", subcommands = JiraCommand.Check.class)
class JiraCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: check");
    }

    @Command(name = "check", description = {
            "Check the Jira configuration (closeout.jira.*, CLOSEOUT_JIRA_*) against Jira: the credentials, and for "
                    + "the default project and every team's, the project, the issue type and that every field "
                    + "the mapping sends is on the create screen.",
            "Exit status: 0 all good, 1 problems found, 2 the configuration is incomplete or wrong."})
    static class Check implements Callable<Integer> {

        @Override
        public Integer call() {
            // a check reads and never creates: the sync worker stays off in this process whatever the configuration
            try (ApplicationContext context = CommandContext.start(Map.of("closeout.jira.enabled", "false"))) {
                return context.getBean(JiraCheck.class).run(JiraTrackers::connect, System.out::println);
            } catch (BeanInstantiationException e) {
                // a setting that does not even bind, such as a duration written "30 seconds"
                System.err.println("closeout: the configuration cannot be read: " + rootMessage(e));
                return JiraCheck.CONFIGURATION_ERRORS;
            }
        }

        private static String rootMessage(Throwable error) {
            Throwable root = error;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getMessage();
        }
    }
}
