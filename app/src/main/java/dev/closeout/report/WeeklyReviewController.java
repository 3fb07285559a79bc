package dev.closeout.report;

import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The weekly reliability review: JSON, CSV, or a Markdown digest to paste into the review or a chat. */
@Controller(WeeklyReviews.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
@Tag(name = "reports")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Forbidden
@ProblemResponses.NotAcceptable
@ProblemResponses.Unavailable
class WeeklyReviewController {

    private final WeeklyReviews reviews;

    WeeklyReviewController(WeeklyReviews reviews) {
        this.reviews = reviews;
    }

    @Get
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "text/markdown"})
    @Operation(operationId = "getWeeklyReview", summary = "The weekly reliability review of one ISO week",
            description = "Follow-ups created, closed (done, not doing) and reopened in the week, the backlog open "
                    + "and overdue at its end, on-time rate, median and p90 days to close, by priority, kind and "
                    + "team, twelve weeks of trend, the ten longest overdue follow-ups and the root causes that came "
                    + "back (docs/reports.md, Weekly review). CSV: one row per trend week, the headline numbers on "
                    + "the last. Markdown: a digest to paste. A team-scoped token gets its own team's review.")
    @ApiResponse(responseCode = "200", description = "the review", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeeklyReview.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string"))})
    HttpResponse<?> weekly(HttpRequest<?> request,
                           @Parameter(description = "ISO week in closeout.reports.time-zone, e.g. 2026-W49; default "
                                   + "the last complete week")
                           @QueryValue @Nullable String week,
                           @Parameter(description = "a team's key: that team's follow-ups and postmortems only")
                           @QueryValue @Nullable String team,
                           @Parameter(description = "json, csv or markdown; overrides Accept")
                           @QueryValue @Nullable String format,
                           Authentication authentication) {
        ReportFormat chosen = ReportFormat.of(request, format, ReportFormat.JSON, ReportFormat.CSV,
                ReportFormat.MARKDOWN);
        WeeklyReview review = reviews.review(week, team, Caller.of(authentication));
        return switch (chosen) {
            case CSV -> Csv.response(review, "weekly-" + review.week() + ".csv");
            case MARKDOWN -> HttpResponse.ok(review.markdown().orElseThrow()).contentType(chosen.contentType());
            case JSON, TEXT -> HttpResponse.ok(review).contentType(MediaType.APPLICATION_JSON_TYPE);
        };
    }
}
