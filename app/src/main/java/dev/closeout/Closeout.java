package dev.closeout;

import dev.closeout.cli.CloseoutCommand;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The one entry point of {@code closeout.jar}: the HTTP service ({@code serve}, the default) and the
 * command-line tools share it, so a deployment ships a single artifact.
 */
@OpenAPIDefinition(
        info = @Info(title = "Closeout", version = "0.1",
                description = "Tracker for postmortem follow-ups: import postmortems, track their actions.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token: CLOSEOUT_ADMIN_TOKEN, `closeout token create`, or POST /api/tokens.")
public final class Closeout {

    private Closeout() {
    }

    public static void main(String[] args) {
        CloseoutCommand root = new CloseoutCommand();
        int exitCode = CloseoutCommand.commandLine(root).execute(args.length == 0 ? new String[] {"serve"} : args);
        // A running server keeps the JVM alive through its own non-daemon threads.
        if (!root.isServing()) {
            System.exit(exitCode);
        }
    }
}
