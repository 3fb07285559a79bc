package dev.closeout.cli;

import dev.closeout.report.CommandLineReport;
import dev.closeout.report.ReportAnswer;
import dev.closeout.report.ReportRequest;

import java.io.IOException;

/**
 * Where {@code closeout report} reads a report: the configured database ({@link DatabaseReports}) or a
 * Closeout server's API ({@link ServerReports}); both render alike.
 */
interface ReportSource {

    /** Why a report could not be read, in words for stderr. */
    final class ReportFailure extends Exception {
        ReportFailure(String reason) {
            super(reason);
        }
    }

    /** The report's answer, for text and Markdown. */
    ReportAnswer answer(CommandLineReport report, ReportRequest request) throws ReportFailure;

    /** The report as the API's JSON. */
    String json(CommandLineReport report, ReportRequest request) throws ReportFailure;

    /** Writes the report as the API's CSV to {@code out}. */
    void csv(CommandLineReport report, ReportRequest request, Appendable out) throws ReportFailure, IOException;
}
