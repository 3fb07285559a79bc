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
import io.micronaut.http.annotation.RequestBean;
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
import jakarta.inject.Named;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/** {@code GET /api/reports/overdue}: what is overdue, by whom and how long, as JSON or as a CSV export. */
@Controller(OverdueReports.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
@Tag(name = "reports")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Forbidden
@ProblemResponses.NotAcceptable
@ProblemResponses.Unavailable
class OverdueController {

    private final OverdueReports reports;
    private final Scheduler blocking;

    OverdueController(OverdueReports reports, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.reports = reports;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Operation(operationId = "getOverdueReport", summary = "Overdue follow-ups: counts by team, owner, service, priority and age, and the items.",
            description = "Follow-ups active on `as_of` and due before it, most overdue first, a page at a time; "
                    + "`total`, `due_soon` and the `by_*` counts cover every follow-up the filters match. "
                    + "`Accept: text/csv` or `format=csv` exports every item (no paging). docs/reports.md.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverdueReport.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> overdue(@RequestBean OverdueParams params,
                            @Parameter(description = "json (default) or csv; overrides Accept.")
                            @QueryValue @Nullable String format,
                            HttpRequest<?> request, Authentication authentication) {
        ReportFormat answer = ReportFormat.of(request, format, ReportFormat.JSON, ReportFormat.CSV);
        OverdueRequest asked = params.request();
        Caller caller = Caller.of(authentication);
        if (answer == ReportFormat.CSV) {
            CsvExport export = reports.export(asked, caller);
            return export.response("overdue-" + (asked.asOf() == null ? "today" : asked.asOf()) + ".csv", blocking);
        }
        return HttpResponse.ok(reports.report(asked, caller));
    }
}
