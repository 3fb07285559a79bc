package dev.closeout.web.page;

import dev.closeout.report.Quarter;
import dev.closeout.report.Recurrence;
import dev.closeout.report.RecurringCausesReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code /recurring} page's table: the report's causes, in its order, by the quarters from the first cause's
 * first incident to the last one's last. Each count is the report's ({@code by_quarter}); a quarter it does not
 * name had none. Nothing is counted here: the shade only places a count against the table's largest.
 *
 * @param quarters the columns, as {@code 2025-Q3}
 */
public record RecurringHeatmap(List<String> quarters, List<Row> rows) {

    /** Shades of a count above 0, the largest count of the table being the darkest. */
    static final int SHADES = 4;

    /**
     * A cause and its counts.
     *
     * @param badge          "fixed but recurred" or "known not fixed"; null for a cause merely recurring
     * @param postmortemsUrl the postmortems list filtered to the cause and the window
     * @param allListed      whether the cause lists every one of its incidents, not only its latest
     */
    public record Row(RecurringCausesReport.Cause cause, List<Cell> cells, @Nullable String badge,
                      String postmortemsUrl, boolean allListed) {
    }

    /** A count and its shade, 0 (none) to {@value #SHADES}. */
    public record Cell(String quarter, int incidents, int shade) {
    }

    static RecurringHeatmap of(RecurringCausesReport report, @Nullable String team) {
        List<Quarter> quarters = quarters(report.causes());
        int largest = report.causes().stream().flatMap(cause -> cause.byQuarter().stream())
                .mapToInt(RecurringCausesReport.QuarterCount::incidents).max().orElse(0);
        List<Row> rows = report.causes().stream().map(cause -> {
            Map<String, Integer> counts = cause.byQuarter().stream().collect(Collectors.toMap(
                    RecurringCausesReport.QuarterCount::quarter, RecurringCausesReport.QuarterCount::incidents));
            List<Cell> cells = quarters.stream().map(Quarter::toString).map(quarter -> {
                int incidents = counts.getOrDefault(quarter, 0);
                return new Cell(quarter, incidents, shade(incidents, largest));
            }).toList();
            return new Row(cause, cells, badge(cause.recurrence()), postmortemsUrl(cause, report, team),
                    cause.postmortems().size() == cause.incidents());
        }).toList();
        return new RecurringHeatmap(quarters.stream().map(Quarter::toString).toList(), rows);
    }

    private static List<Quarter> quarters(List<RecurringCausesReport.Cause> causes) {
        List<Quarter> quarters = new ArrayList<>();
        if (causes.isEmpty()) {
            return quarters;
        }
        Quarter last = Quarter.of(causes.stream().map(RecurringCausesReport.Cause::lastSeen)
                .max(Comparator.naturalOrder()).orElseThrow());
        for (Quarter quarter = Quarter.of(causes.stream().map(RecurringCausesReport.Cause::firstSeen)
                .min(Comparator.naturalOrder()).orElseThrow()); quarter.compareTo(last) <= 0; quarter = quarter.next()) {
            quarters.add(quarter);
        }
        return quarters;
    }

    /** 0 for none; else 1 to {@value #SHADES}, in proportion to the largest count, rounded up. */
    static int shade(int incidents, int largest) {
        if (incidents == 0) {
            return 0;
        }
        return (int) Math.ceil((double) incidents * SHADES / largest);
    }

    private static @Nullable String badge(Recurrence recurrence) {
        return switch (recurrence) {
            case FIXED_BUT_RECURRED -> "fixed but recurred";
            case KNOWN_NOT_FIXED -> "known not fixed";
            case RECURRING -> null;
        };
    }

    private static String postmortemsUrl(RecurringCausesReport.Cause cause, RecurringCausesReport report,
                                         @Nullable String team) {
        UriBuilder uri = UriBuilder.of("/postmortems").queryParam("component", cause.component())
                .queryParam("trigger", cause.trigger())
                .queryParam("from", report.from().toString()).queryParam("to", report.to().toString());
        if (team != null) {
            uri.queryParam("team", team);
        }
        return uri.toString();
    }
}
