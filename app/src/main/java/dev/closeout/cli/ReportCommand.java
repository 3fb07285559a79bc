package dev.closeout.cli;

import dev.closeout.report.CommandLineReport;
import dev.closeout.report.ReportAnswer;
import dev.closeout.report.ReportFormat;
import dev.closeout.report.ReportRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "report",
        description = {"Print a report (overdue, weekly, recurring) from the configured database, or from a Closeout "
                + "server with --server.",
                "The formats are the API's: csv and json print what GET /api/reports/... answers.",
                "Exit code 0 when the report was printed, 2 when it could not be (the reason on stderr)."})
class ReportCommand implements Callable<Integer> {

    /** The formats of the command line, text first (the default). */
    static final List<ReportFormat> FORMATS = List.of(ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.CSV,
            ReportFormat.JSON);

    /**
     * Through a server the command has no database of its own: the context's datasource is an empty in-memory
     * one, never migrated, so that no embedded database is created where the command runs.
     */
    private static final Map<String, Object> NO_DATABASE = Map.of(
            "datasources.default.url", "jdbc:h2:mem:closeout-report-command;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
            "datasources.default.driver-class-name", "org.h2.Driver",
            "datasources.default.username", "sa",
            "datasources.default.password", "",
            "flyway.datasources.default.enabled", false);

    @Parameters(index = "0", paramLabel = "REPORT", description = "overdue, weekly or recurring.")
    private String name;

    @Option(names = "--team", paramLabel = "KEY", description = "Only this team's follow-ups.")
    private String team;

    @Option(names = "--week", paramLabel = "WEEK",
            description = "An ISO week (e.g. 2026-W49), for the reports of a week; default the last complete week.")
    private String week;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned tables, the default), markdown (the reports that have a digest), csv or json.")
    private String format;

    @Option(names = "--server", paramLabel = "URL",
            description = "Read the report from this Closeout server (e.g. https://closeout.example.com) instead of "
                    + "the database.")
    private String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "A reader token for --server; defaults to the environment variable "
                    + ServerOptions.TOKEN_VARIABLE + ".")
    private String token;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        String apiToken = ServerOptions.token(token);
        String problem = ServerOptions.problem(server, token, apiToken, "the report is read from the database");
        if (problem != null) {
            err.println("closeout: " + problem);
            return 2;
        }
        ReportFormat chosen;
        try {
            chosen = ReportFormat.named(format, FORMATS);
        } catch (IllegalArgumentException e) {
            err.println("closeout: --" + e.getMessage());
            return 2;
        }
        try (ApplicationContext context = context()) {
            Map<String, CommandLineReport> reports = new TreeMap<>();
            context.getBeansOfType(CommandLineReport.class).forEach(report -> reports.put(report.name(), report));
            CommandLineReport report = reports.get(name);
            if (report == null) {
                err.println("closeout: report: no report '" + name + "'; one of "
                        + String.join(", ", reports.keySet()));
                return 2;
            }
            JsonMapper json = context.getBean(JsonMapper.class);
            ReportSource source = server == null ? new DatabaseReports(json)
                    : new ServerReports(server, apiToken, json);
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            print(source, report, chosen, new ReportRequest(team, week), out);
            out.flush();
            return 0;
        } catch (ReportSource.ReportFailure e) {
            err.println("closeout: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("closeout: cannot write the report: " + e.getMessage());
            return 2;
        }
    }

    private static void print(ReportSource source, CommandLineReport report, ReportFormat format,
                              ReportRequest request, Writer out) throws ReportSource.ReportFailure, IOException {
        switch (format) {
            case JSON -> out.append(source.json(report, request)).append('\n');
            case CSV -> source.csv(report, request, out);
            case TEXT -> out.append(source.answer(report, request).text());
            case MARKDOWN -> {
                ReportAnswer answer = source.answer(report, request);
                out.append(answer.markdown().orElseThrow(() -> new ReportSource.ReportFailure("--format: the "
                        + report.name() + " report has no Markdown; use text, csv or json")));
            }
        }
    }

    private ApplicationContext context() {
        return CommandContext.start(server == null ? Map.of() : NO_DATABASE);
    }
}
