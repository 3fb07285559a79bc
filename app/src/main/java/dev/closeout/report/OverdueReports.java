package dev.closeout.report;

import dev.closeout.action.ActionItemResponse;
import dev.closeout.action.ActionViews;
import dev.closeout.action.InvalidRequest;
import dev.closeout.report.OverdueQueries.OverdueRow;
import dev.closeout.report.OverdueReport.AgeCount;
import dev.closeout.security.Caller;
import dev.closeout.team.TeamKeys;
import dev.closeout.web.Cursor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The overdue report, for the API and the command line alike: the counts and a page of items in one read-only
 * transaction, so they agree; or every item, as a CSV export read in batches.
 */
@Singleton
public class OverdueReports implements CommandLineReport {

    static final String PATH = "/api/reports/overdue";
    /** Rows per query of an export: big enough that round trips do not dominate, small enough to stream. */
    static final int EXPORT_BATCH = 500;

    private final OverdueQueries queries;
    private final ActionViews views;
    private final TeamKeys teamKeys;
    private final ReportCalendar calendar;

    OverdueReports(OverdueQueries queries, ActionViews views, TeamKeys teamKeys, ReportCalendar calendar) {
        this.queries = queries;
        this.views = views;
        this.teamKeys = teamKeys;
        this.calendar = calendar;
    }

    /** The report {@code request} asks for, as {@code caller} may see it. */
    @ReadOnly
    public OverdueReport report(OverdueRequest request, Caller caller) {
        OverdueFilter filter = filter(request, caller);
        ReportDay day = day(request);
        OverdueCounts counts = queries.counts(filter, day);
        List<OverdueRow> rows = queries.overdue(filter, day, request.after(), request.limit() + 1);
        // the extra row asked for only tells that another page exists
        boolean more = rows.size() > request.limit();
        List<OverdueRow> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? cursor(shown.get(shown.size() - 1)) : null;
        Map<Long, String> keys = teamKeys.keysOf(
                counts.byTeam().keySet().stream().filter(Objects::nonNull).toList());
        return new OverdueReport(day.day(), counts.total(), counts.dueSoon(),
                sorted(counts.byTeam(), (id, n) -> new OverdueReport.TeamCount(id == null ? null : keys.get(id), n),
                        OverdueReport.TeamCount::team, OverdueReport.TeamCount::count),
                sorted(counts.byOwner(), OverdueReport.OwnerCount::new, OverdueReport.OwnerCount::owner,
                        OverdueReport.OwnerCount::count),
                sorted(counts.byService(), OverdueReport.ServiceCount::new, OverdueReport.ServiceCount::service,
                        OverdueReport.ServiceCount::count),
                sorted(counts.byPriority(), OverdueReport.PriorityCount::new, OverdueReport.PriorityCount::priority,
                        OverdueReport.PriorityCount::count),
                Arrays.stream(AgeBucket.values())
                        .map(bucket -> new AgeCount(bucket, counts.inBucket(bucket))).toList(),
                items(shown, day), next);
    }

    /**
     * Today's overdue follow-ups by age of a team (its key; null: every team the caller sees), as the report's
     * {@code by_age} has them: the weekly page's aging chart. Counted today only: an earlier day's buckets come from
     * the follow-ups' history, 2-3 s for every team at a million follow-ups (docs/benchmarks.md), today's from
     * one pass over the overdue index.
     */
    public OverdueAges byAgeToday(@Nullable String team, Caller caller) {
        OverdueFilter filter = filter(OverdueRequest.firstPage(team, 1), caller);
        LocalDate today = calendar.today();
        Map<AgeBucket, Integer> counts = queries.byAgeToday(filter, today);
        return new OverdueAges(today, Arrays.stream(AgeBucket.values())
                .map(bucket -> new AgeCount(bucket, counts.getOrDefault(bucket, 0))).toList());
    }

    /**
     * Every overdue follow-up {@code request} matches (its page and cursor aside), most overdue first, as CSV
     * read {@link #EXPORT_BATCH} at a time. The request is checked here, before anything is written.
     */
    public CsvExport export(OverdueRequest request, Caller caller) {
        OverdueFilter filter = filter(request, caller);
        ReportDay day = day(request);
        return new CsvExport(OverdueItem.CSV_HEADER, () -> KeysetBatches.<OverdueRow>of(EXPORT_BATCH,
                        (last, size) -> queries.overdue(filter, day, last == null ? null : last.position(), size))
                .map(batch -> items(batch, day).stream().<List<?>>map(OverdueItem::csvRow).toList()));
    }

    @Override
    public String name() {
        return "overdue";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Class<OverdueReport> answerType() {
        return OverdueReport.class;
    }

    /** The first page, as {@code GET /api/reports/overdue?team=} answers it. */
    @Override
    public OverdueReport answer(ReportRequest request, Caller caller) {
        return report(OverdueRequest.firstPage(request.team(), Cursor.DEFAULT_LIMIT), caller);
    }

    /** Every item, as the API's CSV export has them. */
    @Override
    public CsvTable csv(ReportRequest request, Caller caller) {
        return export(OverdueRequest.firstPage(request.team(), Cursor.DEFAULT_LIMIT), caller);
    }

    /** The filter of a request, kept to the caller's team for a team-scoped caller. */
    private OverdueFilter filter(OverdueRequest request, Caller caller) {
        return new OverdueFilter(teamId(request.team(), caller), request.owner(), request.service(),
                request.priority(), request.kind());
    }

    private @Nullable Long teamId(@Nullable String key, Caller caller) {
        if (caller.teamId() != null) {
            // alike for another team and a key no team has, so a scoped token learns nothing of other teams
            if (key != null && !teamKeys.idOf(key).equals(Optional.of(caller.teamId()))) {
                throw new HttpStatusException(HttpStatus.FORBIDDEN,
                        "team: a team-scoped token sees only its own team's report");
            }
            return caller.teamId();
        }
        return key == null ? null : teamKeys.idOf(key)
                .orElseThrow(() -> InvalidRequest.of("team", "no team with key '" + key + "'"));
    }

    private ReportDay day(OverdueRequest request) {
        return ReportDay.of(request.asOf() == null ? calendar.today() : request.asOf(), calendar);
    }

    private List<OverdueItem> items(List<OverdueRow> rows, ReportDay day) {
        List<ActionItemResponse> followups = views.of(rows.stream().map(OverdueRow::action).toList());
        return IntStream.range(0, rows.size()).mapToObj(i -> {
            OverdueRow row = rows.get(i);
            // from the due date on the day (an earlier day's may have moved since); the item shows today's
            return new OverdueItem(followups.get(i), row.service(), FollowupRules.daysOverdue(day.day(), row.due()),
                    row.postmortemTitle());
        }).toList();
    }

    private static String cursor(OverdueRow last) {
        return Cursor.encode(new Cursor.Key(OverdueParams.CURSOR_SORT, last.due().toString(), last.action().id()));
    }

    /** Most follow-ups first; ties by name, "none" (null) last. */
    private static <K, C> List<C> sorted(Map<K, Integer> counts, BiFunction<K, Integer, C> entry,
                                         Function<C, String> name, Function<C, Integer> count) {
        return counts.entrySet().stream().map(e -> entry.apply(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(count, Comparator.reverseOrder())
                        .thenComparing(name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
