package dev.closeout.web.page;

import dev.closeout.report.RecurringCauses;
import dev.closeout.report.RecurringCausesReport;
import dev.closeout.report.RecurringCausesRequest;
import dev.closeout.report.ReportCalendar;
import dev.closeout.team.TeamKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.closeout.web.page.WeeklyPageController.blankToNull;

/**
 * {@code /recurring}: the recurring root causes of a window and team as a heatmap of quarters, a view of
 * {@link RecurringCauses} as {@code GET /api/reports/recurring-causes} answers it, with the same query parameters
 * (docs/dashboard.md). The causes, their counts and their recurrence are the report's.
 */
@Controller("/recurring")
@Secured(SecurityRule.IS_ANONYMOUS) // the session is checked here: pages take no bearer tokens
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class RecurringPageController {

    /**
     * The latest incidents listed under each cause (the API's {@code per_cause}); "All N in Postmortems" opens the
     * rest. The API's default of 50 made the page 1.4 MB for every team over three years at a million follow-ups.
     */
    static final String PER_CAUSE = "5";

    private final RecurringCauses report;
    private final Visitors visitors;
    private final Stylesheet stylesheet;
    private final TeamKeys teamKeys;
    private final ReportCalendar calendar;

    RecurringPageController(RecurringCauses report, Visitors visitors, Stylesheet stylesheet, TeamKeys teamKeys,
                            ReportCalendar calendar) {
        this.report = report;
        this.visitors = visitors;
        this.stylesheet = stylesheet;
        this.teamKeys = teamKeys;
        this.calendar = calendar;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> recurring(HttpRequest<?> request, @QueryValue @Nullable String from,
                              @QueryValue @Nullable String to, @QueryValue @Nullable String team,
                              @QueryValue @Nullable String service,
                              @QueryValue("min_incidents") @Nullable String minIncidents) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        Visitor visitor = signedIn.get();
        Map<String, Object> model = PageModel.of(stylesheet, visitor);
        Long scope = visitor.caller().teamId();
        // a team's reader sees its team's causes whether or not the URL names it: the page says which
        String shownTeam = scope == null ? blankToNull(team) : teamKeys.keysOf(List.of(scope)).get(scope);
        model.put("team", shownTeam);
        model.put("teamScoped", scope != null);
        model.put("service", blankToNull(service));
        model.put("minIncidents", blankToNull(minIncidents));
        RecurringCausesReport answer;
        try {
            answer = report.report(RecurringCausesRequest.of(from, to, team, service, minIncidents, PER_CAUSE,
                    visitor.caller(), teamKeys, calendar));
        } catch (HttpStatusException e) {
            // the form stays, with what was typed, so the person can correct it
            model.put("from", from);
            model.put("to", to);
            model.put("message", e.getMessage());
            return HttpResponse.status(HttpStatus.valueOf(e.getStatus().getCode()))
                    .body(new ModelAndView<>("recurring", model));
        }
        model.put("from", answer.from().toString());
        model.put("to", answer.to().toString());
        model.put("report", answer);
        model.put("heatmap", RecurringHeatmap.of(answer, shownTeam));
        return HttpResponse.ok(new ModelAndView<>("recurring", model));
    }
}
