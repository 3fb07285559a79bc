package dev.closeout.cli;

import dev.closeout.report.CommandLineReport;
import dev.closeout.report.Csv;
import dev.closeout.report.ReportAnswer;
import dev.closeout.report.ReportRequest;
import dev.closeout.security.Caller;
import dev.closeout.security.Role;
import io.micronaut.json.JsonMapper;

import java.io.IOException;

/**
 * Reports read from the configured database, as an unscoped reader sees them: whoever can run the jar against
 * the database reads every team's data anyway.
 */
final class DatabaseReports implements ReportSource {

    static final Caller CALLER = new Caller("cli", Role.READER, null);

    private final JsonMapper json;

    DatabaseReports(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ReportAnswer answer(CommandLineReport report, ReportRequest request) throws ReportFailure {
        try {
            return report.answer(request, CALLER);
        } catch (RuntimeException e) {
            // a request the report refuses says what is wrong in its message, as the API's detail does
            throw new ReportFailure(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public String json(CommandLineReport report, ReportRequest request) throws ReportFailure {
        try {
            return json.writeValueAsString(answer(report, request));
        } catch (IOException e) {
            throw new ReportFailure("cannot write the JSON: " + e.getMessage());
        }
    }

    @Override
    public void csv(CommandLineReport report, ReportRequest request, Appendable out) throws ReportFailure,
            IOException {
        try {
            Csv.write(report.csv(request, CALLER), out);
        } catch (RuntimeException e) {
            throw new ReportFailure(String.valueOf(e.getMessage()));
        }
    }
}
