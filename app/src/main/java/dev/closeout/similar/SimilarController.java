package dev.closeout.similar;

import dev.closeout.postmortem.Postmortem;
import dev.closeout.postmortem.PostmortemRepository;
import dev.closeout.postmortem.PostmortemScope;
import dev.closeout.report.IncidentDate;
import dev.closeout.report.ReportCalendar;
import dev.closeout.security.Caller;
import dev.closeout.security.Roles;
import dev.closeout.security.TeamScoped;
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
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The postmortems most alike one postmortem, earlier and later ({@link SimilarityScoring} says how alike). */
@Controller("/api/postmortems")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
@TeamScoped
class SimilarController {

    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 50;
    /** Best candidates taken from each part of the query before they are scored together. */
    private static final int CANDIDATES = 100;

    private final PostmortemRepository postmortems;
    private final PostmortemScope scope;
    private final SimilarIndex index;
    private final SimilarSources sources;
    private final ReportCalendar calendar;

    SimilarController(PostmortemRepository postmortems, PostmortemScope scope, SimilarIndex index,
                      SimilarSources sources, ReportCalendar calendar) {
        this.postmortems = postmortems;
        this.scope = scope;
        this.index = index;
        this.sources = sources;
        this.calendar = calendar;
    }

    @Operation(summary = "Similar incidents",
            description = "The postmortems, earlier and later, most alike this one by root-cause summary, follow-up "
                    + "texts, root-cause component and trigger and service; score from 0 to 1 (docs/reports.md, "
                    + "Similar incidents). A team-scoped token sees only its team's postmortems, here and in the "
                    + "answer; another team's postmortem is not found (404). 503 with Retry-After while the index "
                    + "is built after a start.")
    @Get("/{id}/similar")
    @ReadOnly
    SimilarIncidents similar(@Parameter(description = "the postmortem's id") long id,
                             @Parameter(description = "how many to answer, 1 to 50; default 5")
                             @QueryValue @Nullable Integer limit,
                             Authentication authentication) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit: " + size + " is not between 1 and "
                    + MAX_LIMIT);
        }
        Caller caller = Caller.of(authentication);
        Postmortem postmortem = postmortems.findById(id).orElseThrow(() -> PostmortemScope.notFound(id));
        scope.requireVisible(caller.teamId(), postmortem);
        if (!index.isReady()) {
            throw new SimilarIndexNotReady(index.buildProgress());
        }
        SimilarDocument source = sources.byId(id).orElseThrow(() -> PostmortemScope.notFound(id));
        Set<Long> allowed = caller.teamId() == null ? null : sources.visibleTo(caller.teamId());
        List<SimilarityScoring.Hit> hits = index.similarTo(source, allowed, CANDIDATES);
        // the database has the last word: a postmortem gone from it, or out of the caller's sight since, is left out
        List<SimilarityScoring.Hit> best = hits.subList(0, Math.min(hits.size(), size * 2 + 10));
        Map<Long, SimilarSources.PostmortemRow> rows = sources.rows(best.stream().map(SimilarityScoring.Hit::id)
                .toList(), caller.teamId());
        List<SimilarIncidents.Item> items = new ArrayList<>();
        for (SimilarityScoring.Hit hit : best) {
            SimilarSources.PostmortemRow row = rows.get(hit.id());
            if (row != null && items.size() < size) {
                items.add(new SimilarIncidents.Item(new SimilarIncidents.PostmortemRef(row.id(), row.title(),
                        IncidentDate.of(calendar, row.incidentStart(), row.createdAt()), row.service()),
                        Math.round(hit.score() * 10_000) / 10_000.0, hit.sameComponent(), hit.sameTrigger()));
            }
        }
        return new SimilarIncidents(items);
    }
}
