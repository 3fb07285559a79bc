package dev.closeout.notify;

import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A team's weekly digest: seen before it goes, or sent now. */
@Controller("/api/teams/{key}/digest")
@ExecuteOn(TaskExecutors.BLOCKING)
@TeamScoped
@Tag(name = "notifications")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Forbidden
@ProblemResponses.NotFound
@ProblemResponses.Unavailable
class DigestController {

    private final Digests digests;

    DigestController(Digests digests) {
        this.digests = digests;
    }

    @Operation(operationId = "previewTeamDigest", summary = "The team's weekly digest as it would be sent",
            description = "Subject, Markdown (the e-mail's text part), HTML (its HTML part), the Slack text, and the "
                    + "channels it would go to, with the reason when it would go nowhere.")
    @Get("/preview")
    @Secured(Roles.READER)
    Digests.Preview preview(String key,
                            @Parameter(description = "ISO week, e.g. 2026-W49; default the last complete week")
                            @QueryValue @Nullable String week,
                            Authentication authentication) {
        return digests.preview(key, week, Caller.of(authentication));
    }

    @Operation(operationId = "sendTeamDigest", summary = "Send the team's weekly digest now",
            description = "Sends the digest of the week on each of the team's channels and answers with the "
                    + "notifications as they stand after sending. A week's digest goes once: 409 when it was sent "
                    + "(or planned) already, unless force=true.")
    @ProblemResponses.Conflict
    @Post("/send")
    @Secured(Roles.ADMIN)
    Digests.Sent send(String key,
                      @Parameter(description = "ISO week, e.g. 2026-W49; default the last complete week")
                      @QueryValue @Nullable String week,
                      @Parameter(description = "send again a week that was sent already")
                      @QueryValue @Nullable Boolean force,
                      Authentication authentication) {
        return digests.send(key, week, Boolean.TRUE.equals(force), Caller.of(authentication));
    }
}
