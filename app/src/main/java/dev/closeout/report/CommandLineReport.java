package dev.closeout.report;

import dev.closeout.security.Caller;

/**
 * A report the command line runs ({@code closeout report NAME}): against the configured database through
 * {@link #answer}, or against a server by reading {@link #path()} as JSON into {@link #answerType()}, so
 * both ways render alike.
 */
public interface CommandLineReport {

    /** The name on the command line: overdue, weekly, recurring. */
    String name();

    /** The API path answering the same report, e.g. {@code /api/reports/weekly}. */
    String path();

    /**
     * Whether the report is of one ISO week ({@code --week}); only then is {@code week} sent to a server, whose
     * other report routes refuse a query parameter they do not take.
     */
    default boolean ofAWeek() {
        return false;
    }

    /** The JSON answer's type, read back from a server. */
    Class<? extends ReportAnswer> answerType();

    /** The report for {@code request}, as {@code caller} may see it. */
    ReportAnswer answer(ReportRequest request, Caller caller);

    /**
     * The CSV the API answers for {@code request} ({@code --format csv}): the answer's own table, unless the
     * report's CSV is more than its JSON answer holds (the overdue report exports every item, not a page).
     */
    default CsvTable csv(ReportRequest request, Caller caller) {
        return answer(request, caller);
    }
}
