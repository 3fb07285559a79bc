package dev.closeout.web.page;

import dev.closeout.report.OverdueAges;
import dev.closeout.report.OverdueReport.AgeCount;
import dev.closeout.report.WeeklyReview;
import dev.closeout.report.WeeklyReview.TeamWeek;
import dev.closeout.report.WeeklyReview.TrendWeek;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * The weekly page's four charts: the backlog's twelve weeks, closings and creations per week, overdue by team,
 * and overdue by age. Each number is the weekly review's or, for the ages, the overdue report's; here they are
 * only laid out for closeout-charts.js, which reads each chart's data from its {@code data-chart} attribute, and
 * for the table beneath each chart, which is the chart for those without script or sight.
 */
final class WeeklyCharts {

    private WeeklyCharts() {
    }

    /** What closeout-charts.js draws: a line, bar or sideways-bar ({@code hbar}) chart of some series. */
    @Serdeable
    record ChartData(String kind, List<String> categories, List<Series> series) {
    }

    /**
     * One series, named as the legend and the table say it; {@code tone} picks its colour in closeout-charts.js
     * (the colour always comes with the name).
     */
    @Serdeable
    record Series(String name, String tone, List<Integer> values) {
    }

    /** A row of a chart's table: a category (a week, a team, an age) and each series' number for it. */
    record Row(String category, List<Integer> values) {
    }

    /**
     * A chart as the template shows it: its heading and the sentence saying what it counts, its data and their
     * JSON for the script ({@code json}), and {@code axis}, what the table's first column is.
     */
    record Chart(String id, String title, String description, String axis, ChartData data, String json) {

        // public, as the template's expressions call only public methods
        public List<Row> rows() {
            return IntStream.range(0, data.categories().size())
                    .mapToObj(i -> new Row(data.categories().get(i),
                            data.series().stream().map(series -> series.values().get(i)).toList()))
                    .toList();
        }

        public boolean empty() {
            return data.categories().isEmpty();
        }
    }

    /** The charts of {@code review} and today's overdue ages; {@code json} writes each chart's data. */
    static List<Chart> of(WeeklyReview review, OverdueAges ages, Function<ChartData, String> json) {
        List<TrendWeek> trend = review.trend();
        List<String> weeks = trend.stream().map(TrendWeek::week).toList();
        String span = weeks.get(0) + " to " + weeks.get(weeks.size() - 1);
        return List.of(
                chart("backlog", "Backlog, twelve weeks", "Follow-ups open and overdue at the end of each week, "
                        + span + ".", "Week", new ChartData("line", weeks, List.of(
                        series("Open", "open", trend, TrendWeek::open),
                        series("Overdue", "overdue", trend, TrendWeek::overdue))), json),
                chart("closures", "Closed and created per week", "Follow-ups closed (done or not doing) and "
                        + "created in each week, " + span + ".", "Week", new ChartData("bar", weeks, List.of(
                        series("Closed", "closed", trend, TrendWeek::closed),
                        series("Created", "created", trend, TrendWeek::created))), json),
                chart("teams", "Overdue by team", "Follow-ups overdue at the end of " + review.week()
                        + ", by team.", "Team", new ChartData("hbar",
                        review.byTeam().stream().map(team -> team.team() == null ? "no team" : team.team()).toList(),
                        List.of(series("Overdue", "overdue", review.byTeam(), TeamWeek::overdue))), json),
                // today's, whatever the week: an earlier day's ages replay every follow-up's history (2+ s for every
                // team at a million follow-ups), today's are one pass over an index (docs/dashboard.md)
                chart("ages", "Overdue today by age", "Follow-ups overdue today (" + ages.asOf()
                        + "), not at the week's end, by days overdue.", "Days overdue", new ChartData("bar",
                        ages.byAge().stream().map(age -> age.bucket().label() + " days").toList(),
                        List.of(series("Overdue today", "overdue", ages.byAge(), AgeCount::count))), json));
    }

    private static Chart chart(String id, String title, String description, String axis, ChartData data,
                               Function<ChartData, String> json) {
        return new Chart(id, title, description, axis, data, json.apply(data));
    }

    private static <T> Series series(String name, String tone, List<T> rows, ToIntFunction<T> value) {
        return new Series(name, tone, rows.stream().map(row -> value.applyAsInt(row)).toList());
    }
}
