package dev.closeout.similar;

import dev.closeout.postmortem.Postmortem;
import dev.closeout.postmortem.PostmortemRepository;
import dev.closeout.postmortem.PostmortemScope;
import dev.closeout.report.IncidentDate;
import dev.closeout.report.ReportCalendar;
import dev.closeout.security.Caller;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The postmortems most alike one postmortem, as a caller sees them: the API's {@code /similar} and the
 * postmortem page both ask here, so both answer the same incidents.
 */
@Singleton
public class SimilarSearch {

    /** Best candidates taken from each part of the query before they are scored together. */
    private static final int CANDIDATES = 100;

    private final PostmortemRepository postmortems;
    private final PostmortemScope scope;
    private final SimilarIndex index;
    private final SimilarSources sources;
    private final ReportCalendar calendar;

    SimilarSearch(PostmortemRepository postmortems, PostmortemScope scope, SimilarIndex index,
                  SimilarSources sources, ReportCalendar calendar) {
        this.postmortems = postmortems;
        this.scope = scope;
        this.index = index;
        this.sources = sources;
        this.calendar = calendar;
    }

    /** Whether the index is built, so {@link #similarTo} answers rather than refusing (503). */
    public boolean isReady() {
        return index.isReady();
    }

    /**
     * Up to {@code size} postmortems alike postmortem {@code id}, best first; another team's postmortem is not
     * found (404), and the index still being built after a start is a 503 ({@link SimilarIndexNotReady}).
     */
    @ReadOnly
    public SimilarIncidents similarTo(long id, int size, Caller caller) {
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
