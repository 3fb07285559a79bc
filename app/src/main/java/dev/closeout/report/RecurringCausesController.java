package dev.closeout.report;

import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.team.TeamKeys;
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
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/api/reports/recurring-causes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
@Tag(name = "reports")
@ProblemResponses.BadRequest
@ProblemResponses.Unauthenticated
@ProblemResponses.Forbidden
@ProblemResponses.NotAcceptable
@ProblemResponses.Unavailable
class RecurringCausesController {

    private final RecurringCauses report;
    private final TeamKeys teamKeys;
    private final ReportCalendar calendar;

    RecurringCausesController(RecurringCauses report, TeamKeys teamKeys, ReportCalendar calendar) {
        this.report = report;
        this.teamKeys = teamKeys;
        this.calendar = calendar;
    }

    @Operation(operationId = "getRecurringCausesReport", summary = "Recurring root causes",
            description = "Root causes (component and trigger) with at least min_incidents incidents dated in the "
                    + "window, most incidents first, each with its postmortems and whether it came back after its "
                    + "follow-ups were done (fixed_but_recurred), while they were still open (known_not_fixed), or "
                    + "otherwise (recurring); incidents per service and component; groups of causes whose root "
                    + "causes read alike though labelled apart (alike). JSON, or CSV (one row per cause and "
                    + "postmortem) with Accept: text/csv or format=csv. A team-scoped token gets its team's report "
                    + "and 403 for another team's. docs/reports.md, Recurring causes.")
    @Get
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> recurringCauses(
            HttpRequest<?> request,
            @Parameter(description = "first incident date, YYYY-MM-DD; default 364 days before to")
            @QueryValue @Nullable String from,
            @Parameter(description = "last incident date, YYYY-MM-DD; default today (closeout.reports.time-zone)")
            @QueryValue @Nullable String to,
            @Parameter(description = "a team's key: its postmortems and follow-ups only")
            @QueryValue @Nullable String team,
            @Parameter(description = "a service, any case") @QueryValue @Nullable String service,
            @Parameter(description = "the fewest incidents a cause needs to be listed, 1 or more; default 2")
            @QueryValue("min_incidents") @Nullable String minIncidents,
            @Parameter(description = "how many postmortems each cause lists, its latest; default 50 in JSON, all in "
                    + "CSV") @QueryValue("per_cause") @Nullable String perCause,
            @Parameter(description = "json or csv; overrides Accept") @QueryValue @Nullable String format,
            Authentication authentication) {
        ReportFormat answerAs = ReportFormat.of(request, format, ReportFormat.JSON, ReportFormat.CSV);
        // a spreadsheet gets every postmortem unless told otherwise; a page gets the latest of each cause
        String listed = perCause == null && answerAs == ReportFormat.CSV ? String.valueOf(Integer.MAX_VALUE)
                : perCause;
        RecurringCausesRequest asked = RecurringCausesRequest.of(from, to, team, service, minIncidents, listed,
                Caller.of(authentication), teamKeys, calendar);
        RecurringCausesReport answer = report.report(asked);
        if (answerAs == ReportFormat.CSV) {
            return Csv.response(answer, "recurring-causes-" + answer.from() + "-" + answer.to() + ".csv");
        }
        return HttpResponse.ok(answer);
    }
}
