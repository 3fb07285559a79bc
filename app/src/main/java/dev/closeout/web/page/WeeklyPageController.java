package dev.closeout.web.page;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /}: the weekly reliability review of a week and team, a view of {@link WeeklyReviews} as the API
 * answers it (docs/dashboard.md). Every number on it is the review's; the change from the week before is the
 * difference between two reviews.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS) // the session is checked here: pages take no bearer tokens
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class WeeklyPageController {

    private final WeeklyReviews reviews;
    private final Visitors visitors;
    private final Stylesheet stylesheet;
    private final TeamKeys teamKeys;

    WeeklyPageController(WeeklyReviews reviews, Visitors visitors, Stylesheet stylesheet, TeamKeys teamKeys) {
        this.reviews = reviews;
        this.visitors = visitors;
        this.teamKeys = teamKeys;
        this.stylesheet = stylesheet;
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
        WeeklyReview before;
        try {
            WeeklyReviews.WithWeekBefore both = reviews.reviewWithWeekBefore(blankToNull(week), blankToNull(team),
                    visitor.caller());
            review = both.review();
            before = both.weekBefore();
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
        model.put("markdownUrl", exportUrl("/weekly.md", review.week(), team));
        model.put("csvUrl", exportUrl("/weekly.csv", review.week(), team));
        return HttpResponse.ok(new ModelAndView<>("weekly", model));
    }

    static List<Headline> headlines(WeeklyReview review, WeeklyReview before) {
        return List.of(
                Headline.count("followups_created", "Created", review.followupsCreated(), before.followupsCreated()),
                Headline.count("followups_closed", "Closed", review.followupsClosed(), before.followupsClosed()),
                Headline.count("open_at_end", "Open at the end", review.openAtEnd(), before.openAtEnd()),
                Headline.count("overdue_at_end", "Overdue at the end", review.overdueAtEnd(), before.overdueAtEnd()),
                Headline.rate("on_time_rate", "Closed on time", review.onTimeRate(), before.onTimeRate()),
                Headline.days("median_days_to_close", "Median time to close", review.medianDaysToClose(),
                        before.medianDaysToClose()));
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
