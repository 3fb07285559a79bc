package dev.closeout.report;

import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionStatus;
import dev.closeout.report.BacklogHistory.TeamCount;
import dev.closeout.report.WeeklyReview.KindWeek;
import dev.closeout.report.WeeklyReview.OverdueFollowup;
import dev.closeout.report.WeeklyReview.PriorityWeek;
import dev.closeout.report.WeeklyReview.TeamWeek;
import dev.closeout.report.WeeklyReview.TrendWeek;
import dev.closeout.report.WeeklyReviewQueries.WeekEvent;
import dev.closeout.security.Caller;
import dev.closeout.team.TeamKeys;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The weekly review (docs/reports.md, "Weekly review"), as the API and the command line ask for it: created,
 * closed and reopened counted from the events in the week, the backlog at its end from the backlog's history,
 * every number by the rules of {@link FollowupRules}.
 */
@Singleton
public class WeeklyReviews implements CommandLineReport {

    static final int TREND_WEEKS = 12;
    static final int OLDEST_OVERDUE = 10;
    static final String PATH = "/api/reports/weekly";

    private final WeeklyReviewQueries queries;
    private final BacklogHistory history;
    private final WeekRecurrences recurrences;
    private final ReportTeamFilter teamFilter;
    private final TeamKeys teamKeys;
    private final ReportCalendar calendar;
    private final String publicUrl;
    private final ExecutorService blocking;

    WeeklyReviews(WeeklyReviewQueries queries, BacklogHistory history, WeekRecurrences recurrences,
                  ReportTeamFilter teamFilter, TeamKeys teamKeys, ReportCalendar calendar,
                  @Value("${closeout.public-url:}") String publicUrl,
                  @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.queries = queries;
        this.blocking = blocking;
        this.history = history;
        this.recurrences = recurrences;
        this.teamFilter = teamFilter;
        this.teamKeys = teamKeys;
        this.calendar = calendar;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public String name() {
        return "weekly";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public boolean ofAWeek() {
        return true;
    }

    @Override
    public Class<? extends ReportAnswer> answerType() {
        return WeeklyReview.class;
    }

    @Override
    public ReportAnswer answer(ReportRequest request, Caller caller) {
        return review(request.week(), request.team(), caller);
    }

    /**
     * The review of {@code week} ({@code 2026-W49}; null: the last complete week) of team {@code team} (its
     * key; null: every team the caller sees). 400 naming {@code week} for a week that is not one or has not
     * begun; the team as {@link ReportTeamFilter} says.
     */
    public WeeklyReview review(@Nullable String week, @Nullable String team, Caller caller) {
        Long teamId = teamFilter.teamOf(team, caller);
        LocalDate today = calendar.today();
        return review(weekOf(week, today), teamId, today);
    }

    /**
     * The review of {@code week} for team {@code teamId} (null: every team), with no caller to scope it: what the
     * weekly digest sends (dev.closeout.notify), counted exactly as the API counts it.
     */
    public WeeklyReview review(IsoWeek week, @Nullable Long teamId) {
        return review(week, teamId, calendar.today());
    }

    /** A review and the headline numbers of the week before it, which the dashboard shows the change from. */
    public record WithWeekBefore(WeeklyReview review, WeekHeadline weekBefore) {
    }

    /** The headline numbers of a week, counted as its review counts them, without the review's lists. */
    public record WeekHeadline(int followupsCreated, int followupsClosed, int openAtEnd, int overdueAtEnd,
                               @Nullable Double onTimeRate, @Nullable Double medianDaysToClose) {
    }

    /**
     * The review of {@code week} as {@link #review(String, String, Caller)} gives it, and the headline numbers of
     * the week before it, counted side by side on two connections: each is a pass over its week's events, so one
     * after the other would add them up. Only the numbers: the week before's lists, trend and recurring causes
     * would cost as much again, on a machine whose cores the review is using.
     */
    public WithWeekBefore reviewWithWeekBefore(@Nullable String week, @Nullable String team, Caller caller) {
        Long teamId = teamFilter.teamOf(team, caller);
        LocalDate today = calendar.today();
        IsoWeek reviewed = weekOf(week, today);
        CompletableFuture<WeekHeadline> before = CompletableFuture.supplyAsync(
                () -> headline(reviewed.minusWeeks(1), teamId, today), blocking);
        WeeklyReview review = review(reviewed, teamId, today);
        return new WithWeekBefore(review, SideBySide.joined(before));
    }

    /** The week asked for (null: the last complete one); 400 naming {@code week} for one that is not or has not begun. */
    private IsoWeek weekOf(@Nullable String week, LocalDate today) {
        if (week == null) {
            return IsoWeek.of(today).minusWeeks(1);
        }
        IsoWeek reviewed;
        try {
            reviewed = IsoWeek.parse(week);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "week: " + e.getMessage());
        }
        if (reviewed.monday().isAfter(today)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "week: " + reviewed + " has not begun (today is "
                    + today + " in " + calendar.zone().getId() + ")");
        }
        return reviewed;
    }

    private WeeklyReview review(IsoWeek week, @Nullable Long team, LocalDate today) {
        List<IsoWeek> weeks = IntStream.range(0, TREND_WEEKS).mapToObj(i -> week.minusWeeks(TREND_WEEKS - 1L - i))
                .toList();
        LocalDate end = endOf(week, today);
        // every day of the twelve weeks: the backlog at each week's end, and the creations and closings of each day
        Map<LocalDate, List<TeamCount>> backlog = history.atEndOf(weeks.get(0).monday().datesUntil(end.plusDays(1))
                .toList(), team);
        LocalDateTime from = calendar.startOfDayUtc(week.monday());
        LocalDateTime to = calendar.startOfDayUtc(week.sunday().plusDays(1));
        WeekTally tally = tally(week, team, end, backlog.get(end), true);
        List<WeekEvent> created = tally.created();
        List<WeekEvent> closings = tally.closings();
        List<WeeklyReviewQueries.Overdue> overdue = queries.longestOverdue(end, calendar.startOfDayUtc(end.plusDays(1)),
                team, OLDEST_OVERDUE);

        List<TeamCount> atEnd = backlog.get(end);
        Set<Long> teamIds = new HashSet<>();
        atEnd.forEach(count -> teamIds.add(count.team()));
        closings.forEach(e -> teamIds.add(BacklogReplay.teamKey(e.teamId())));
        overdue.forEach(item -> teamIds.add(BacklogReplay.teamKey(item.teamId())));
        if (team != null) {
            teamIds.add(team);
        }
        teamIds.remove(BacklogHistory.NO_TEAM);
        Map<Long, String> keys = teamKeys.keysOf(teamIds);

        WeekHeadline headline = tally.headline();
        return new WeeklyReview(week.toString(), week.monday(), week.sunday(),
                queries.postmortemsImported(from, to, team),
                headline.followupsCreated(), headline.followupsClosed(), tally.done(),
                closings.size() - tally.done(), tally.reopened(), headline.openAtEnd(), headline.overdueAtEnd(),
                headline.onTimeRate(), headline.medianDaysToClose(),
                FollowupRules.days(FollowupRules.percentile(daysToClose(closings), 0.9)),
                breakdown(created, closings, e -> lower(e.priority()), (priority, counts) ->
                        new PriorityWeek(priority, counts.created, counts.closed, counts.median())),
                breakdown(created, closings, WeekEvent::kind, (kind, counts) ->
                        new KindWeek(kind, counts.created, counts.closed, counts.median())),
                byTeam(atEnd, closings, team, keys),
                trend(weeks, backlog, today),
                overdue.stream().map(item -> new OverdueFollowup(item.id(), item.text(),
                        item.teamId() == null ? null : keys.get(item.teamId()), item.owner(), item.priority(),
                        item.due(), FollowupRules.daysOverdue(end, item.due()), item.postmortemId(),
                        item.postmortemTitle(), publicUrl + "/api/actions/" + item.id())).toList(),
                recurrences.of(week, team));
    }

    /**
     * The headline numbers of {@code week}, counted as {@link #review(IsoWeek, Long, LocalDate)} counts them; its
     * creations are counted, not read one by one (the headline needs no breakdown of them: half the week's rows).
     */
    private WeekHeadline headline(IsoWeek week, @Nullable Long team, LocalDate today) {
        LocalDate end = endOf(week, today);
        return tally(week, team, end, history.atEndOf(List.of(end), team).get(end), false).headline();
    }

    /** What happened to follow-ups in a week, and the backlog at its end: what its headline numbers count. */
    /**
     * What happened to follow-ups in a week, and the backlog at its end: what its headline numbers count.
     * {@code created} lists the week's creations when they were read one by one, else is empty and
     * {@code createdCount} alone counts them.
     */
    private record WeekTally(List<WeekEvent> created, int createdCount, List<WeekEvent> closings, int done,
                             int reopened, List<DueInWeek> due, List<TeamCount> atEnd) {

        WeekHeadline headline() {
            return new WeekHeadline(createdCount, closings.size(),
                    atEnd.stream().mapToInt(TeamCount::open).sum(), atEnd.stream().mapToInt(TeamCount::overdue).sum(),
                    FollowupRules.onTimeRate((int) due.stream().filter(DueInWeek::onTime).count(), due.size()),
                    FollowupRules.days(FollowupRules.percentile(daysToClose(closings), 0.5)));
        }
    }

    /** The week's tally; with {@code eachCreation} its creations are read one by one (the breakdowns need them). */
    private WeekTally tally(IsoWeek week, @Nullable Long team, LocalDate end, List<TeamCount> atEnd,
                            boolean eachCreation) {
        LocalDateTime from = calendar.startOfDayUtc(week.monday());
        LocalDateTime to = calendar.startOfDayUtc(week.sunday().plusDays(1));
        List<WeekEvent> events = queries.events(from, to, team, eachCreation);
        List<WeekEvent> created = events.stream().filter(e -> ActionEvent.CREATED.equals(e.field())).toList();
        List<WeekEvent> closings = events.stream().filter(WeeklyReviews::isClosing).toList();
        List<DueInWeek> due = queries.dueBetween(week.monday(), end, team).stream()
                .map(row -> new DueInWeek(row.due(), ActionStatus.DONE.wireName().equals(row.status())
                        && row.closedAt() != null && !calendar.dayOf(row.closedAt()).isAfter(row.due())))
                .toList();
        return new WeekTally(created, eachCreation ? created.size() : queries.creations(from, to, team), closings,
                (int) closings.stream().filter(e -> ActionStatus.DONE.wireName().equals(e.newValue())).count(),
                (int) events.stream().filter(e -> isStatus(e) && FollowupRules.isReopening(e.oldValue(), e.newValue()))
                        .count(), due, atEnd);
    }

    /** The day a week's "at the end" numbers are of: its Sunday, or today for the week in progress. */
    private static LocalDate endOf(IsoWeek week, LocalDate today) {
        return week.sunday().isAfter(today) ? today : week.sunday();
    }

    /**
     * The trend from the backlog's history: open and overdue at each week's end, created and closed summed
     * over its days (the history counts them from the same events, by the same rules, as the week's headline).
     */
    private static List<TrendWeek> trend(List<IsoWeek> weeks, Map<LocalDate, List<TeamCount>> backlog,
                                         LocalDate today) {
        return weeks.stream().map(week -> {
            List<TeamCount> atEnd = backlog.get(endOf(week, today));
            List<TeamCount> days = week.monday().datesUntil(endOf(week, today).plusDays(1))
                    .flatMap(day -> backlog.get(day).stream()).toList();
            return new TrendWeek(week.toString(), atEnd.stream().mapToInt(TeamCount::open).sum(),
                    atEnd.stream().mapToInt(TeamCount::overdue).sum(), days.stream().mapToInt(TeamCount::created)
                    .sum(), days.stream().mapToInt(TeamCount::closed).sum());
        }).toList();
    }

    private static List<TeamWeek> byTeam(List<TeamCount> atEnd, List<WeekEvent> closings, @Nullable Long team,
                                         Map<Long, String> keys) {
        Map<Long, int[]> teams = new TreeMap<>();
        atEnd.forEach(count -> {
            int[] numbers = teams.computeIfAbsent(count.team(), key -> new int[3]);
            numbers[0] += count.open();
            numbers[1] += count.overdue();
        });
        closings.forEach(e -> teams.computeIfAbsent(BacklogReplay.teamKey(e.teamId()), key -> new int[3])[2]++);
        if (team != null) {
            teams.computeIfAbsent(team, key -> new int[3]);
        }
        return teams.entrySet().stream()
                .filter(entry -> Objects.equals(entry.getKey(), team) || entry.getValue()[0] + entry.getValue()[1]
                        + entry.getValue()[2] > 0)
                .map(entry -> new TeamWeek(entry.getKey() == BacklogHistory.NO_TEAM ? null : keys.get(entry.getKey()),
                        entry.getValue()[0], entry.getValue()[1], entry.getValue()[2]))
                .sorted(Comparator.comparing(TeamWeek::team, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Creations and closings of the week by a property of their follow-ups, null (none) last. */
    private static <T> List<T> breakdown(List<WeekEvent> created, List<WeekEvent> closings,
                                         Function<WeekEvent, String> by, Entry<T> entry) {
        Map<String, Counts> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        created.forEach(e -> groups.computeIfAbsent(by.apply(e), key -> new Counts()).created++);
        closings.forEach(e -> {
            Counts counts = groups.computeIfAbsent(by.apply(e), key -> new Counts());
            counts.closed++;
            counts.daysToClose.add(FollowupRules.daysToClose(e.createdAt(), e.occurredAt()));
        });
        return groups.entrySet().stream().map(group -> entry.of(group.getKey(), group.getValue()))
                .collect(Collectors.toList());
    }

    private interface Entry<T> {
        T of(@Nullable String key, Counts counts);
    }

    private static final class Counts {
        private int created;
        private int closed;
        private final List<Double> daysToClose = new ArrayList<>();

        @Nullable Double median() {
            return FollowupRules.days(FollowupRules.percentile(daysToClose, 0.5));
        }
    }

    private record DueInWeek(LocalDate due, boolean onTime) {
    }

    private static List<Double> daysToClose(List<WeekEvent> closings) {
        return closings.stream().map(e -> FollowupRules.daysToClose(e.createdAt(), e.occurredAt())).toList();
    }

    private static boolean isStatus(WeekEvent event) {
        return !ActionEvent.CREATED.equals(event.field());
    }

    private static boolean isClosing(WeekEvent event) {
        return isStatus(event) && FollowupRules.isClosing(event.oldValue(), event.newValue());
    }

    private static @Nullable String lower(@Nullable String priority) {
        return priority == null ? null : priority.toLowerCase(Locale.ROOT);
    }
}
