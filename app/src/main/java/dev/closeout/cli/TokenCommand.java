package dev.closeout.cli;

import dev.closeout.security.ApiTokens;
import dev.closeout.security.Role;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Token management from the shell, for the first admin token and for scripts; writes to the configured database. */
@Command(name = "token", description = "Manage API tokens.", subcommands = TokenCommand.Create.class)
class TokenCommand {

    @Command(name = "create", description = "Issue an API token and print it (it is shown only once).")
    static class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "Who or what uses the token; shown in history.")
        private String name;

        @Option(names = "--role", required = true, description = "reader, editor or admin.")
        private String role;

        @Option(names = "--team", description = "Key of the team the token is limited to.")
        private String team;

        @Override
        public Integer call() {
            Role parsed;
            try {
                parsed = Role.fromWireName(role);
            } catch (IllegalArgumentException e) {
                System.err.println("closeout: --role: " + e.getMessage());
                return 2;
            }
            try (ApplicationContext context = CommandContext.start()) {
                ApiTokens.Issued issued = context.getBean(ApiTokens.class).issue(name, parsed, team);
                System.err.printf("issued %s token '%s' (id %d); store it now, it is not shown again%n",
                        parsed.wireName(), issued.stored().name(), issued.stored().id());
                System.out.println(issued.token());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("closeout: " + e.getMessage());
                return 2;
            }
        }
    }
}
