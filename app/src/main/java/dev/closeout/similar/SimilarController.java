package dev.closeout.similar;

import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
import dev.closeout.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The postmortems most alike one postmortem, earlier and later ({@link SimilarityScoring} says how alike), as
 * {@link SimilarSearch} finds them.
 */
@Controller("/api/postmortems")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
@Tag(name = "postmortems")
// any operation answers 400 to a query parameter it does not take (UnknownQueryParameterFilter)
@ProblemResponses.BadRequest
class SimilarController {

    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 50;

    private final SimilarSearch search;

    SimilarController(SimilarSearch search) {
        this.search = search;
    }

    @ProblemResponses.Unauthenticated
    @ProblemResponses.NotFound
    @ProblemResponses.Unavailable
    @Operation(operationId = "listSimilarPostmortems", summary = "Similar incidents",
            description = "The postmortems, earlier and later, most alike this one by root-cause summary, follow-up "
                    + "texts, root-cause component and trigger and service; score from 0 to 1 (docs/reports.md, "
                    + "Similar incidents). A team-scoped token sees only its team's postmortems, here and in the "
                    + "answer; another team's postmortem is not found (404). 503 with Retry-After while the index "
                    + "is built after a start.")
    @Get("/{id}/similar")
    SimilarIncidents similar(@Parameter(description = "the postmortem's id") long id,
                             @Parameter(description = "how many to answer, 1 to 50; default 5")
                             @QueryValue @Nullable Integer limit,
                             Authentication authentication) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit: " + size + " is not between 1 and "
                    + MAX_LIMIT);
        }
        return search.similarTo(id, size, Caller.of(authentication));
    }
}
