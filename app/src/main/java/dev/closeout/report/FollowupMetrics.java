package dev.closeout.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.CaseConditionStep;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Table;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateTimeAdd;
import static org.jooq.impl.DSL.when;

/**
 * Follow-up metrics on {@code /prometheus} (docs/reports.md, "Metrics"), per team: how many follow-ups are in
 * each status, how many are overdue, how many were closed in the last 7 days, and how long those took to
 * close as cumulative buckets ({@code le}, in days) that PromQL's {@code histogram_quantile} reads. All of it
 * comes from one grouped query per {@link #refresh()} (the scheduled {@link FollowupMetricsJob}); a scrape
 * only reads the values kept from the last refresh. Follow-ups removed from their postmortem or dismissed are not
 * counted.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class FollowupMetrics {

    /** The team label of follow-ups of no team: not a valid team key, so it cannot be one. */
    static final String NO_TEAM = "(none)";
    /** Closings of this last stretch of time are counted, and their times to close. */
    static final Duration RECENT = Duration.ofDays(7);
    /** Upper bounds, in days, of the time-to-close buckets; a last one, +Inf, counts every closing. */
    static final List<Integer> BUCKET_DAYS = List.of(1, 3, 7, 14, 30, 60, 90, 180, 365);
    private static final List<String> STATUSES = List.of("open", "in_progress", "done", "not_doing");
    private static final int NOT_RECENT = -1;

    private final DSLContext dsl;
    private final MeterRegistry registry;
    private final ReportCalendar calendar;
    private final Set<String> registeredTeams = ConcurrentHashMap.newKeySet();
    private volatile Values values = new Values(Map.of(), Map.of(), Map.of(), Map.of());

    FollowupMetrics(DSLContext dsl, MeterRegistry registry, ReportCalendar calendar) {
        this.dsl = dsl;
        this.registry = registry;
        this.calendar = calendar;
    }

    /**
     * What the gauges show, by team label: follow-ups by status, overdue, closed recently by status, and the
     * recent closings by time-to-close bucket (index into {@link #BUCKET_DAYS}, its size for longer).
     */
    private record Values(Map<String, Map<String, Integer>> byStatus, Map<String, Integer> overdue,
                          Map<String, Map<String, Integer>> closedRecently, Map<String, int[]> closingBuckets) {
    }

    /** Counts again, in one grouped query, and registers the gauges of teams seen for the first time. */
    @ReadOnly
    public void refresh() {
        LocalDateTime now = LocalDateTime.ofInstant(calendar.now(), ZoneOffset.UTC);
        LocalDateTime recent = now.minus(RECENT);
        CaseConditionStep<Integer> bucketCases = when(ACTION_ITEM.CLOSED_AT.isNull()
                .or(ACTION_ITEM.CLOSED_AT.lt(recent)), inline(NOT_RECENT));
        for (int i = 0; i < BUCKET_DAYS.size(); i++) {
            bucketCases = bucketCases.when(ACTION_ITEM.CLOSED_AT.le(localDateTimeAdd(ACTION_ITEM.CREATED_AT,
                    inline(BUCKET_DAYS.get(i)), DatePart.DAY)), inline(i));
        }
        Field<Integer> bucket = bucketCases.else_(inline(BUCKET_DAYS.size()));
        Field<Integer> overdue = when(FollowupRules.overdueOn(calendar.today()), inline(1)).else_(inline(0));

        Map<String, Map<String, Integer>> byStatus = new HashMap<>();
        Map<String, Integer> overdueByTeam = new HashMap<>();
        Map<String, Map<String, Integer>> closedRecently = new HashMap<>();
        Map<String, int[]> closingBuckets = new HashMap<>();
        // grouped by the columns of a derived table, not by the expressions: H2 (the embedded default) refuses a
        // GROUP BY over expressions that carry bound values, as the overdue and bucket expressions do
        Table<?> followUps = dsl.select(TEAM.TEAM_KEY.as("team"), ACTION_ITEM.STATUS.as("status"),
                        overdue.as("overdue"), bucket.as("bucket"))
                .from(ACTION_ITEM)
                .leftJoin(TEAM).on(TEAM.ID.eq(ACTION_ITEM.TEAM_ID))
                .where(FollowupRules.counted())
                .asTable("follow_up");
        Field<String> teamOf = followUps.field("team", String.class);
        Field<String> statusOf = followUps.field("status", String.class);
        Field<Integer> overdueOf = followUps.field("overdue", Integer.class);
        Field<Integer> bucketOf = followUps.field("bucket", Integer.class);
        dsl.select(teamOf, statusOf, overdueOf, bucketOf, count())
                .from(followUps)
                .groupBy(teamOf, statusOf, overdueOf, bucketOf)
                .forEach(row -> {
                    String team = label(row.value1());
                    String status = row.value2();
                    int count = row.value5();
                    byStatus.computeIfAbsent(team, key -> new HashMap<>()).merge(status, count, Integer::sum);
                    overdueByTeam.merge(team, row.value3() * count, Integer::sum);
                    if (row.value4() != NOT_RECENT && FollowupRules.isClosed(status)) {
                        closedRecently.computeIfAbsent(team, key -> new HashMap<>()).merge(status, count, Integer::sum);
                        closingBuckets.computeIfAbsent(team, key -> new int[BUCKET_DAYS.size() + 1])[row.value4()]
                                += count;
                    }
                });
        values = new Values(byStatus, overdueByTeam, closedRecently, closingBuckets);
        byStatus.keySet().forEach(this::register);
    }

    private void register(String team) {
        if (!registeredTeams.add(team)) {
            return;
        }
        for (String status : STATUSES) {
            Gauge.builder("closeout.followups", () -> values.byStatus().getOrDefault(team, Map.of())
                            .getOrDefault(status, 0))
                    .description("Follow-ups by team and status (not those removed from their postmortem or dismissed)")
                    .tag("team", team).tag("status", status)
                    .register(registry);
        }
        Gauge.builder("closeout.followups.overdue", () -> values.overdue().getOrDefault(team, 0))
                .description("Active follow-ups past their due date, by team")
                .tag("team", team)
                .register(registry);
        for (String status : FollowupRules.CLOSED_STATUSES) {
            Gauge.builder("closeout.followups.closed.7d", () -> values.closedRecently().getOrDefault(team, Map.of())
                            .getOrDefault(status, 0))
                    .description("Follow-ups closed in the last 7 days (and closed still), by team and status")
                    .tag("team", team).tag("status", status)
                    .register(registry);
        }
        for (int i = 0; i <= BUCKET_DAYS.size(); i++) {
            int upTo = i;
            Gauge.builder("closeout.followups.time.to.close.days", () -> closedWithin(team, upTo))
                    .description("Follow-ups closed in the last 7 days that took at most le days to close, by team")
                    .tag("team", team).tag("le", i == BUCKET_DAYS.size() ? "+Inf" : BUCKET_DAYS.get(i) + ".0")
                    .register(registry);
        }
    }

    /** Recent closings of {@code team} in the buckets up to {@code upTo}: a cumulative bucket. */
    private int closedWithin(String team, int upTo) {
        int[] buckets = values.closingBuckets().get(team);
        int sum = 0;
        for (int i = 0; buckets != null && i <= upTo; i++) {
            sum += buckets[i];
        }
        return sum;
    }

    private static String label(@Nullable String teamKey) {
        return teamKey == null ? NO_TEAM : teamKey;
    }
}
