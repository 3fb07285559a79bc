package dev.closeout.web.page;

import dev.closeout.report.OverdueAges;
import dev.closeout.report.OverdueReports;
import dev.closeout.report.SideBySide;
import dev.closeout.report.WeeklyReview;
import dev.closeout.report.WeeklyReviews;
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
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code /}: the weekly reliability review of a week and team, a view of {@link WeeklyReviews} as the API
 * answers it (docs/dashboard.md). Every number on it is the review's; the change from the week before is the
 * difference between two reviews. Its charts ({@link WeeklyCharts}) draw the review's trend and teams, and the
 * overdue report's ages of today.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS) // the session is checked here: pages take no bearer tokens
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class WeeklyPageController {

    private final WeeklyReviews reviews;
    private final OverdueReports overdue;
    private final Visitors visitors;
    private final Stylesheet stylesheet;
    private final ChartScripts scripts;
    private final TeamKeys teamKeys;
    private final JsonMapper json;
    private final ExecutorService blocking;

    WeeklyPageController(WeeklyReviews reviews, OverdueReports overdue, Visitors visitors, Stylesheet stylesheet,
                         ChartScripts scripts, TeamKeys teamKeys, JsonMapper json,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.reviews = reviews;
        this.overdue = overdue;
        this.visitors = visitors;
        this.teamKeys = teamKeys;
        this.stylesheet = stylesheet;
        this.scripts = scripts;
        this.json = json;
        this.blocking = blocking;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> weekly(HttpRequest<?> request, @QueryValue @Nullable String week,
                           @QueryValue @Nullable String team) {
        Optional<Visitor> signedIn = visitors.of(request);
        if (signedIn.isEmpty()) {
            return Visitors.toLogin(request);
        }
        Visitor visitor = signedIn.get();
        WeeklyReview review;
        WeeklyReviews.WeekHeadline before;
        OverdueAges ages;
        try {
            // the ages on a connection of their own, beside the two reviews: one after the other would add their
            // time to the page's (docs/dashboard.md, "Charts")
            CompletableFuture<OverdueAges> agesToday = CompletableFuture.supplyAsync(
                    () -> overdue.byAgeToday(blankToNull(team), visitor.caller()), blocking);
            WeeklyReviews.WithWeekBefore both = reviews.reviewWithWeekBefore(blankToNull(week), blankToNull(team),
                    visitor.caller());
            review = both.review();
            before = both.weekBefore();
            ages = SideBySide.joined(agesToday);
        } catch (HttpStatusException e) {
            return ErrorPage.of(stylesheet, visitor, HttpStatus.valueOf(e.getStatus().getCode()), e.getMessage());
        }
        Map<String, Object> model = PageModel.of(stylesheet, visitor);
        model.put("review", review);
        Long scope = visitor.caller().teamId();
        // a team's reader sees its team's review whether or not the URL names it: the page says which
        model.put("team", scope == null ? blankToNull(team) : teamKeys.keysOf(List.of(scope)).get(scope));
        model.put("teamScoped", scope != null);
        model.put("headlines", headlines(review, before));
        model.put("charts", WeeklyCharts.of(review, ages, this::toJson));
        model.put("scripts", scripts.urls());
        model.put("markdownUrl", exportUrl("/weekly.md", review.week(), team));
        model.put("csvUrl", exportUrl("/weekly.csv", review.week(), team));
        return HttpResponse.ok(new ModelAndView<>("weekly", model));
    }

    static List<Headline> headlines(WeeklyReview review, WeeklyReviews.WeekHeadline before) {
        return List.of(
                Headline.count("followups_created", "Created", review.followupsCreated(), before.followupsCreated()),
                Headline.count("followups_closed", "Closed", review.followupsClosed(), before.followupsClosed()),
                Headline.count("open_at_end", "Open at the end", review.openAtEnd(), before.openAtEnd()),
                Headline.count("overdue_at_end", "Overdue at the end", review.overdueAtEnd(), before.overdueAtEnd()),
                Headline.rate("on_time_rate", "Closed on time", review.onTimeRate(), before.onTimeRate()),
                Headline.days("median_days_to_close", "Median time to close", review.medianDaysToClose(),
                        before.medianDaysToClose()));
    }

    private String toJson(WeeklyCharts.ChartData data) {
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String exportUrl(String path, String week, @Nullable String team) {
        UriBuilder uri = UriBuilder.of(path).queryParam("week", week);
        if (blankToNull(team) != null) {
            uri.queryParam("team", team);
        }
        return uri.toString();
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
