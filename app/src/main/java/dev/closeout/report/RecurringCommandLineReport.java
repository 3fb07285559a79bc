package dev.closeout.report;

import dev.closeout.security.Caller;
import dev.closeout.team.TeamKeys;
import jakarta.inject.Singleton;

/**
 * {@code closeout report recurring [--team KEY]}: the recurring causes of the last 365 days, at least two
 * incidents each, as {@code GET /api/reports/recurring-causes} answers them.
 */
@Singleton
class RecurringCommandLineReport implements CommandLineReport {

    private final RecurringCauses report;
    private final TeamKeys teamKeys;
    private final ReportCalendar calendar;

    RecurringCommandLineReport(RecurringCauses report, TeamKeys teamKeys, ReportCalendar calendar) {
        this.report = report;
        this.teamKeys = teamKeys;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "recurring";
    }

    @Override
    public String path() {
        return "/api/reports/recurring-causes";
    }

    @Override
    public Class<? extends ReportAnswer> answerType() {
        return RecurringCausesReport.class;
    }

    @Override
    public ReportAnswer answer(ReportRequest request, Caller caller) {
        return report.report(RecurringCausesRequest.of(null, null, request.team(), null, null, null, caller,
                teamKeys, calendar));
    }
}
