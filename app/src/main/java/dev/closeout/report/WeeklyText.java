package dev.closeout.report;

import dev.closeout.report.WeeklyReview.OverdueFollowup;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The weekly review as aligned tables for a terminal ({@code closeout report weekly --format text}). */
final class WeeklyText {

    /** Follow-up texts are cut to this many characters, so a row fits a terminal line. */
    private static final int TEXT_WIDTH = 60;

    private WeeklyText() {
    }

    static String render(WeeklyReview review) {
        StringBuilder out = new StringBuilder();
        out.append("Weekly review ").append(review.week()).append(" (").append(review.from()).append(" to ")
                .append(review.to()).append(")\n\n");
        TextTable headline = new TextTable(List.of("number", "value"));
        headline.row(List.of("postmortems imported", review.postmortemsImported()))
                .row(List.of("follow-ups created", review.followupsCreated()))
                .row(List.of("follow-ups closed", review.followupsClosed()))
                .row(List.of("  done", review.followupsDone()))
                .row(List.of("  not doing", review.followupsNotDoing()))
                .row(List.of("follow-ups reopened", review.followupsReopened()))
                .row(List.of("open at the end", review.openAtEnd()))
                .row(List.of("overdue at the end", review.overdueAtEnd()))
                .row(Arrays.asList("on-time rate", review.onTimeRate()))
                .row(Arrays.asList("median days to close", review.medianDaysToClose()))
                .row(Arrays.asList("p90 days to close", review.p90DaysToClose()));
        section(out, null, headline);

        TextTable trend = new TextTable(List.of("week", "open", "overdue", "created", "closed"));
        review.trend().forEach(week -> trend.row(List.of(week.week(), week.open(), week.overdue(), week.created(),
                week.closed())));
        section(out, "Trend", trend);

        TextTable teams = new TextTable(List.of("team", "open", "overdue", "closed"));
        review.byTeam().forEach(team -> teams.row(List.of(Objects.toString(team.team(), "(no team)"), team.open(),
                team.overdue(), team.closed())));
        section(out, "By team", teams);

        TextTable priorities = new TextTable(List.of("priority", "created", "closed", "median days to close"));
        review.byPriority().forEach(row -> priorities.row(Arrays.asList(
                Objects.toString(row.priority(), "(none)"), row.created(), row.closed(), row.medianDaysToClose())));
        section(out, "By priority", priorities);

        TextTable kinds = new TextTable(List.of("kind", "created", "closed", "median days to close"));
        review.byKind().forEach(row -> kinds.row(Arrays.asList(Objects.toString(row.kind(), "(unknown)"),
                row.created(), row.closed(), row.medianDaysToClose())));
        section(out, "By kind", kinds);

        TextTable overdue = new TextTable(List.of("id", "days overdue", "due", "team", "owner", "follow-up"));
        for (OverdueFollowup item : review.oldestOverdue()) {
            overdue.row(Arrays.asList(item.id(), item.daysOverdue(), item.due(), item.team(), item.owner(),
                    cut(item.text())));
        }
        section(out, "Oldest overdue", overdue);

        TextTable recurring = new TextTable(List.of("component", "trigger", "incidents before", "last seen before",
                "postmortems this week"));
        review.recurring().forEach(cause -> recurring.row(Arrays.asList(cause.component(), cause.trigger(),
                cause.incidentsBefore(), cause.lastSeenBefore(), cause.postmortems().stream()
                        .map(incident -> incident.id() + " " + cut(Objects.toString(incident.title(), "")))
                        .collect(Collectors.joining("; ")))));
        section(out, "Recurring causes", recurring);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, TextTable table) {
        if (title != null) {
            out.append('\n').append(title).append('\n');
        }
        out.append(table.render());
    }

    private static String cut(String text) {
        return text.length() <= TEXT_WIDTH ? text : text.substring(0, TEXT_WIDTH - 1) + "…";
    }
}
