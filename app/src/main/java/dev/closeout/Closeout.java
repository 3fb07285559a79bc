package dev.closeout;

import dev.closeout.cli.CloseoutCommand;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The one entry point of {@code closeout.jar}: the HTTP service ({@code serve}, the default) and the
 * command-line tools share it, so a deployment ships a single artifact.
 */
@OpenAPIDefinition(
        info = @Info(title = "Closeout", version = "0.1",
                description = "Tracker for postmortem follow-ups: import postmortems, track their actions. Errors are "
                        + "application/problem+json (RFC 9457); docs/api.md tells the rules every operation follows.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // relative: the document describes whichever instance serves it
        servers = @Server(url = "/", description = "The instance serving this document"),
        security = @SecurityRequirement(name = "bearerAuth"),
        tags = {
            @Tag(name = "postmortems", description = "Import, search and correct postmortems; similar incidents."),
            @Tag(name = "actions", description = "Follow-ups: lists, edits, status transitions, dismissals, history."),
            @Tag(name = "teams", description = "Teams, their services, due policy and Jira settings."),
            @Tag(name = "reports", description = "Overdue follow-ups, the weekly review, recurring root causes."),
            @Tag(name = "jira", description = "The Jira sync: its state, passes on demand, tickets, the webhook."),
            @Tag(name = "tokens", description = "API tokens, for admins."),
            @Tag(name = "notifications", description = "Reminders, escalations and digests: what was sent, "
                    + "failed or skipped and why; a team's weekly digest previewed or sent now.")})
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token: CLOSEOUT_ADMIN_TOKEN, `closeout token create`, or POST /api/tokens.")
@SecurityScheme(name = "jiraWebhookSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-Hub-Signature",
        description = "Jira's webhook signature: `sha256=<hex HMAC-SHA256 of the raw body>`, keyed with "
                + "closeout.jira.webhook-secret. OpenAPI has no HMAC scheme; this names the header that carries it.")
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
