package dev.closeout.report;

import dev.closeout.report.WeeklyReview.OverdueFollowup;
import dev.closeout.report.WeeklyReview.TrendWeek;
import io.micronaut.core.annotation.Nullable;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The weekly review as a Markdown digest a person pastes into the review document or a chat channel: the
 * headline numbers, the trend as a small table, the oldest overdue follow-ups linked, the recurring causes.
 * Text from postmortems is escaped, so a title cannot break the table or forge a link.
 */
final class WeeklyDigest {

    private WeeklyDigest() {
    }

    static String render(WeeklyReview review) {
        StringBuilder out = new StringBuilder();
        out.append("## Weekly review ").append(review.week()).append(" (").append(review.from()).append(" to ")
                .append(review.to()).append(")\n\n");
        out.append("- **Created:** ").append(review.followupsCreated()).append(" follow-ups; **closed:** ")
                .append(review.followupsClosed()).append(" (").append(review.followupsDone()).append(" done, ")
                .append(review.followupsNotDoing()).append(" not doing); **reopened:** ")
                .append(review.followupsReopened()).append('\n');
        out.append("- **At the end of the week:** ").append(review.openAtEnd()).append(" open, ")
                .append(review.overdueAtEnd()).append(" overdue\n");
        out.append("- **On time:** ").append(percent(review.onTimeRate())).append("; **days to close:** median ")
                .append(days(review.medianDaysToClose())).append(", p90 ").append(days(review.p90DaysToClose()))
                .append('\n');
        out.append("- **Postmortems imported:** ").append(review.postmortemsImported()).append('\n');

        out.append("\n### Trend\n\n| Week | Open | Overdue | Created | Closed |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (TrendWeek week : review.trend()) {
            out.append("| ").append(week.week()).append(" | ").append(week.open()).append(" | ").append(week.overdue())
                    .append(" | ").append(week.created()).append(" | ").append(week.closed()).append(" |\n");
        }

        out.append("\n### Oldest overdue\n\n");
        if (review.oldestOverdue().isEmpty()) {
            out.append("Nothing overdue.\n");
        }
        int rank = 1;
        for (OverdueFollowup item : review.oldestOverdue()) {
            out.append(rank++).append(". [").append(escape(item.text())).append("](").append(item.url()).append(") — ")
                    .append(item.daysOverdue()).append(" days overdue (due ").append(item.due()).append(")");
            if (item.team() != null) {
                out.append(", ").append(escape(item.team()));
            }
            if (item.owner() != null) {
                out.append(", ").append(escape(item.owner()));
            }
            out.append('\n');
        }

        out.append("\n### Recurring causes\n\n");
        if (review.recurring().isEmpty()) {
            out.append("No cause came back this week.\n");
        }
        review.recurring().forEach(cause -> out.append("- **").append(escape(cause.component())).append(" / ")
                .append(escape(cause.trigger())).append("**: ")
                .append(cause.postmortems().stream().map(incident -> escape(Objects.toString(incident.title(),
                        "postmortem " + incident.id())) + " (" + incident.incidentDate() + ")")
                        .collect(Collectors.joining("; ")))
                .append("; ").append(cause.incidentsBefore()).append(" incident(s) before")
                .append(cause.lastSeenBefore() == null ? "" : ", last on " + cause.lastSeenBefore()).append('\n'));
        return out.toString();
    }

    private static String percent(@Nullable Double rate) {
        return rate == null ? "no follow-up was due" : Math.round(rate * 100) + "%";
    }

    private static String days(@Nullable Double days) {
        return days == null ? "-" : days + " days";
    }

    /** Markdown's punctuation taken literally, and no line break: the text stays one list item or cell. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("\\`*_{}[]()<>#+!|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
