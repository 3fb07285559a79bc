package dev.closeout.web.page;

import dev.closeout.report.Csv;
import dev.closeout.report.WeeklyReview;
import dev.closeout.report.WeeklyReviews;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Optional;
import java.util.function.Function;

/**
 * The weekly page's "Copy as Markdown" and "Download CSV": the same digest and CSV as
 * {@code GET /api/reports/weekly?format=markdown|csv}, for a browser signed in with a session (the API takes
 * bearer tokens only, which a link cannot send).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS) // the session is checked here
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class WeeklyExportController {

    private final WeeklyReviews reviews;
    private final Visitors visitors;
    private final Stylesheet stylesheet;

    WeeklyExportController(WeeklyReviews reviews, Visitors visitors, Stylesheet stylesheet) {
        this.reviews = reviews;
        this.visitors = visitors;
        this.stylesheet = stylesheet;
    }

    @Get("/weekly.md")
    @Produces("text/markdown")
    HttpResponse<?> markdown(HttpRequest<?> request, @QueryValue @Nullable String week,
                             @QueryValue @Nullable String team) {
        return answer(request, week, team, review -> HttpResponse.ok(review.markdown().orElseThrow())
                .contentType("text/markdown; charset=utf-8"));
    }

    @Get("/weekly.csv")
    @Produces("text/csv")
    HttpResponse<?> csv(HttpRequest<?> request, @QueryValue @Nullable String week, @QueryValue @Nullable String team) {
        return answer(request, week, team, review -> Csv.response(review, "weekly-" + review.week() + ".csv"));
    }

    private HttpResponse<?> answer(HttpRequest<?> request, @Nullable String week, @Nullable String team,
                                   Function<WeeklyReview, HttpResponse<?>> render) {
        Optional<Visitor> visitor = visitors.of(request);
        if (visitor.isEmpty()) {
            return Visitors.toLogin(request);
        }
        try {
            return render.apply(reviews.review(WeeklyPageController.blankToNull(week),
                    WeeklyPageController.blankToNull(team), visitor.get().caller()));
        } catch (HttpStatusException e) {
            return ErrorPage.of(stylesheet, visitor.get(), HttpStatus.valueOf(e.getStatus().getCode()), e.getMessage());
        }
    }
}
