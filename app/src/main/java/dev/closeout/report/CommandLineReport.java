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

    /** The JSON answer's type, read back from a server. */
    Class<? extends ReportAnswer> answerType();

    /** The report for {@code request}, as {@code caller} may see it. */
    ReportAnswer answer(ReportRequest request, Caller caller);
}
