package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The weekly reliability review of one ISO week (docs/reports.md, "Weekly review"): what was created, closed
 * and reopened in it, the backlog at its end, how on time and how fast follow-ups were closed, twelve weeks
 * of trend, the longest overdue follow-ups and the causes that came back. The JSON answer of
 * {@code GET /api/reports/weekly}; its CSV, Markdown digest and terminal tables are views of it.
 */
@Serdeable
public record WeeklyReview(
        String week,
        LocalDate from,
        LocalDate to,
        int postmortemsImported,
        int followupsCreated,
        int followupsClosed,
        int followupsDone,
        int followupsNotDoing,
        int followupsReopened,
        int openAtEnd,
        int overdueAtEnd,
        @Nullable Double onTimeRate,
        @Nullable Double medianDaysToClose,
        @Nullable Double p90DaysToClose,
        List<PriorityWeek> byPriority,
        List<KindWeek> byKind,
        List<TeamWeek> byTeam,
        List<TrendWeek> trend,
        List<OverdueFollowup> oldestOverdue,
        List<RecurringCause> recurring) implements ReportAnswer {

    /** The CSV's columns: the trend's, then the week's headline numbers, given on its own (last) row only. */
    static final List<String> CSV_HEADER = List.of("week", "from", "to", "open_at_end", "overdue_at_end",
            "followups_created", "followups_closed", "followups_done", "followups_not_doing", "followups_reopened",
            "postmortems_imported", "on_time_rate", "median_days_to_close", "p90_days_to_close");

    /** Follow-ups created and closed in the week by priority (lower-case; null: none given). */
    @Serdeable
    public record PriorityWeek(@Nullable String priority, int created, int closed,
                               @Nullable Double medianDaysToClose) {
    }

    /** Follow-ups created and closed in the week by kind (corrective, preventative; null: not known). */
    @Serdeable
    public record KindWeek(@Nullable String kind, int created, int closed, @Nullable Double medianDaysToClose) {
    }

    /** One team's backlog at the week's end and its closings in the week; team null: follow-ups of no team. */
    @Serdeable
    public record TeamWeek(@Nullable String team, int open, int overdue, int closed) {
    }

    /** One week of the trend: the backlog at its end, follow-ups created and closed in it. */
    @Serdeable
    public record TrendWeek(String week, int open, int overdue, int created, int closed) {
    }

    /** A follow-up overdue at the week's end and still active, with how many days overdue it was then. */
    @Serdeable
    public record OverdueFollowup(long id, String text, @Nullable String team, @Nullable String owner,
                                  @Nullable String priority, LocalDate due, long daysOverdue, long postmortemId,
                                  @Nullable String postmortemTitle, String url) {
    }

    @Override
    public List<String> csvHeader() {
        return CSV_HEADER;
    }

    /** One row per trend week, oldest first; the last is this week, with the headline numbers besides. */
    @Override
    public Stream<List<?>> csvRows() {
        return IntStream.range(0, trend.size()).mapToObj(i -> {
            TrendWeek entry = trend.get(i);
            IsoWeek trendWeek = IsoWeek.parse(entry.week());
            List<Object> row = new ArrayList<>(List.of(entry.week(), trendWeek.monday(), trendWeek.sunday(),
                    entry.open(), entry.overdue(), entry.created(), entry.closed()));
            boolean thisWeek = i == trend.size() - 1;
            Stream.of(followupsDone, followupsNotDoing, followupsReopened, postmortemsImported, onTimeRate,
                    medianDaysToClose, p90DaysToClose).forEach(value -> row.add(thisWeek ? value : null));
            return row;
        });
    }

    @Override
    public String text() {
        return WeeklyText.render(this);
    }

    @Override
    public Optional<String> markdown() {
        return Optional.of(WeeklyDigest.render(this));
    }
}
