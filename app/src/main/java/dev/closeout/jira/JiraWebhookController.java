package dev.closeout.jira;

import dev.closeout.integrations.tracker.TrackerException;
import dev.closeout.web.Problem;
import dev.closeout.web.ProblemResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/integrations/jira/webhook}: Jira's admin webhook. Authenticated by its signature, not a
 * token: {@code X-Hub-Signature: sha256=<HMAC of the raw body>} with {@code closeout.jira.webhook-secret}.
 */
@Controller("/api/integrations/jira/webhook")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
@Tag(name = "jira")
// any operation answers 400 to a query parameter it does not take (UnknownQueryParameterFilter)
@ProblemResponses.BadRequest
class JiraWebhookController {

    static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";

    private final JiraWebhooks webhooks;
    private final JiraConfiguration configuration;

    JiraWebhookController(JiraWebhooks webhooks, JiraConfiguration configuration) {
        this.webhooks = webhooks;
        this.configuration = configuration;
    }

    /** What was done with a delivery: applied, unchanged, duplicate or ignored (not a ticket of Closeout's). */
    @Serdeable
    record Receipt(String outcome) {
    }

    @Operation(operationId = "receiveJiraWebhook", summary = "Receive a Jira webhook delivery",
            description = "Jira's admin webhook (issue updated or deleted). Authenticated by X-Hub-Signature, the "
                    + "HMAC-SHA256 of the raw body with closeout.jira.webhook-secret, not by a token. Served only "
                    + "while the Jira sync is on. 503 when the issue cannot be read back from Jira (Jira re-sends).")
    @SecurityRequirement(name = "jiraWebhookSignature")
    @ApiResponse(responseCode = "401", description = "X-Hub-Signature is missing or does not match the body, or "
            + "closeout.jira.webhook-secret is not set.",
            content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedMediaType
    @ProblemResponses.Unavailable
    @Post
    @Consumes(MediaType.ALL)
    HttpResponse<Receipt> receive(@Body byte[] body,
                                  @Header(WebhookSignature.HEADER) @Nullable String signature,
                                  @Header(IDENTIFIER) @Nullable String identifier) {
        String secret = configuration.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "closeout.jira.webhook-secret is not set, so no "
                    + "delivery can be verified; set it to the secret of the Jira webhook");
        }
        if (!WebhookSignature.matches(secret, body, signature)) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "X-Hub-Signature does not match the body signed "
                    + "with closeout.jira.webhook-secret (expected sha256=<hex HMAC-SHA256 of the raw body>)");
        }
        try {
            return HttpResponse.ok(new Receipt(webhooks.receive(identifier, body).name().toLowerCase(
                    java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (TrackerException e) {
            // Jira re-sends on a 5xx; the reconciliation catches it otherwise
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "could not read the issue back from Jira: " + e.getMessage());
        }
    }
}
