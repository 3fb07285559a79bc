package dev.closeout.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.closeout.action.MovableClock;
import dev.closeout.report.OverdueDataset;
import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code closeout report}: the overdue report of {@link OverdueDataset} read from the database the command is
 * configured with (the test database, the same clock) and through the API of the server this test runs, printed
 * alike in every format.
 */
class ReportCommandTest extends ApiTestBase {

    private static final List<String> COMMAND_PROPERTIES = List.of("spec.name", "closeout.data-dir");
    /**
     * The tests log to stdout, which the command's output is read from: Flyway's warning that the test server's
     * MariaDB is newer than it knows is kept out of it.
     */
    private static final Logger FLYWAY = (Logger) LoggerFactory.getLogger("org.flywaydb");

    private Level flywayLevel;

    @Inject
    EmbeddedServer server;

    @Inject
    MovableClock clock;

    OverdueDataset data;
    String reader;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void setUp() {
        data = OverdueDataset.build(client, dsl, transactions, clock);
        reader = token("report-reader", "reader");
        // the command's own application context: the test database, and a clock that starts at the dataset's now
        TestDatabase.properties().forEach(System::setProperty);
        System.setProperty("spec.name", MovableClock.SPEC);
        flywayLevel = FLYWAY.getLevel();
        FLYWAY.setLevel(Level.ERROR);
    }

    @AfterEach
    void clearCommandProperties() {
        Stream.concat(TestDatabase.properties().keySet().stream(), COMMAND_PROPERTIES.stream())
                .forEach(System::clearProperty);
        FLYWAY.setLevel(flywayLevel);
    }

    @Test
    void printsTheOverdueReportAsAlignedTextFromTheDatabaseAndThroughAServerAlike() {
        String longText = "Roll back the pricing release everywhere, then pin the release train until the pool "
                + "alerts are in place";
        transactions.executeWrite(status -> dsl.update(ACTION_ITEM).set(ACTION_ITEM.TEXT, longText)
                .where(ACTION_ITEM.ID.eq(data.rollBack)).execute());

        CommandLineRun local = CommandLineRun.of("report", "overdue", "--team", "pay");
        CommandLineRun remote = CommandLineRun.of("report", "overdue", "--team", "pay", "--server", url(),
                "--token", reader);

        // ids are right-aligned under "id", as wide as the longest (they grow through a test run); a line stays
        // within 100 characters: the text gets what the other columns and their two-space gaps leave
        List<Long> ids = List.of(data.capPool, data.refund, data.idempotent, data.alertPool, data.rollBack);
        int idWidth = ids.stream().mapToInt(id -> String.valueOf(id).length()).max().orElseThrow();
        int textWidth = 100 - (idWidth + 2) - ("team".length() + 2) - ("priya".length() + 2)
                - ("2026-03-09".length() + 2) - ("days".length() + 2);
        String cut = longText.substring(0, textWidth - 3) + "...";
        String expected = """
                Overdue on 2026-03-10: 5 follow-ups; due within 7 days: 2

                days overdue  count
                ------------  -----
                1-7               2
                8-30              1
                31-90             1
                90+               1

                team  count
                ----  -----
                pay       5

                """
                + "%-" + idWidth + "s  team  owner  due         days  text\n"
                + "-".repeat(idWidth) + "  ----  -----  ----------  ----  " + "-".repeat(textWidth) + "\n"
                + "%" + idWidth + "d  pay   omar   2025-12-09    91  Cap the orders pool per instance\n"
                + "%" + idWidth + "d  pay   priya  2026-01-09    60  Refund the customers charged twice\n"
                + "%" + idWidth + "d  pay   omar   2026-02-08    30  Make the capture job idempotent\n"
                + "%" + idWidth + "d  pay   priya  2026-03-03     7  Alert on connection pool saturation\n"
                + "%" + idWidth + "d  pay   priya  2026-03-09     1  %s\n";
        expected = expected.formatted("id", data.capPool, data.refund, data.idempotent, data.alertPool, data.rollBack,
                cut);
        assertEquals(0, local.exitCode(), local.err());
        assertEquals(expected, local.out());
        assertEquals(0, remote.exitCode(), remote.err());
        assertEquals(expected, remote.out());
        assertTrue(expected.lines().allMatch(line -> line.length() <= 100), expected);
    }

    @Test
    void theWeeklyReviewPrintsAlikeFromTheDatabaseAndThroughAServer() {
        for (String format : List.of("text", "markdown")) {
            CommandLineRun local = CommandLineRun.of("report", "weekly", "--team", "pay", "--week", "2026-W10",
                    "--format", format);
            CommandLineRun remote = CommandLineRun.of("report", "weekly", "--team", "pay", "--week", "2026-W10",
                    "--format", format, "--server", url(), "--token", reader);

            assertEquals(0, local.exitCode(), local.err());
            assertEquals(0, remote.exitCode(), remote.err());
            assertTrue(local.out().contains("2026-W10"), local.out());
            assertEquals(local.out(), remote.out());
        }
    }

    @Test
    void aWeekGivenToAReportOfNoWeekIsIgnoredThroughAServerAsFromTheDatabase() {
        // the server refuses a query parameter a route does not take, so --week must not be sent to these
        for (String report : List.of("overdue", "recurring")) {
            CommandLineRun local = CommandLineRun.of("report", report, "--team", "pay", "--week", "2026-W10");
            CommandLineRun remote = CommandLineRun.of("report", report, "--team", "pay", "--week", "2026-W10",
                    "--server", url(), "--token", reader);

            assertEquals(0, local.exitCode(), local.err());
            assertEquals(0, remote.exitCode(), remote.err());
            assertEquals(local.out(), remote.out());
        }
    }

    @Test
    void recurringCausesPrintAlikeFromTheDatabaseAndThroughAServer() {
        CommandLineRun local = CommandLineRun.of("report", "recurring", "--team", "pay");
        CommandLineRun remote = CommandLineRun.of("report", "recurring", "--team", "pay", "--server", url(),
                "--token", reader);

        assertEquals(0, local.exitCode(), local.err());
        assertEquals(0, remote.exitCode(), remote.err());
        assertEquals(local.out(), remote.out());
    }

    @Test
    void jsonAndCsvAreWhatTheApiAnswers() throws IOException {
        CommandLineRun localJson = CommandLineRun.of("report", "overdue", "--format", "json");
        CommandLineRun remoteJson = CommandLineRun.of("report", "overdue", "--format", "json", "--server", url(),
                "--token", reader);
        CommandLineRun localCsv = CommandLineRun.of("report", "overdue", "--format", "csv");
        CommandLineRun remoteCsv = CommandLineRun.of("report", "overdue", "--format", "csv", "--server", url(),
                "--token", reader);

        String api = client.retrieve(HttpRequest.GET("/api/reports/overdue").bearerAuth(reader));
        assertEquals(api + "\n", localJson.out(), localJson.err());
        assertEquals(api + "\n", remoteJson.out(), remoteJson.err());
        String apiCsv = client.retrieve(HttpRequest.GET("/api/reports/overdue?format=csv").bearerAuth(reader));
        assertEquals(apiCsv, localCsv.out(), localCsv.err());
        assertEquals(apiCsv, remoteCsv.out(), remoteCsv.err());
        // every overdue follow-up, not the JSON's first page
        assertEquals(9, apiCsv.split("\r\n").length - 1);
        assertEquals(List.of(0, 0, 0, 0), List.of(localJson.exitCode(), remoteJson.exitCode(), localCsv.exitCode(),
                remoteCsv.exitCode()));
    }

    @Test
    void whatCannotBePrintedIsOneLineOnStderrAndExitCodeTwo() {
        String webReader = data.webReader;
        Map<List<String>, String> failures = new HashMap<>();
        failures.put(List.of("report", "overdue", "--format", "markdown"),
                "closeout: --format: the overdue report has no Markdown; use text, csv or json");
        failures.put(List.of("report", "overdue", "--format", "html"),
                "closeout: --format: 'html' is not one of text, markdown, csv, json");
        failures.put(List.of("report", "overdue", "--team", "nope"), "closeout: team: no team with key 'nope'");
        failures.put(List.of("report", "overdue", "--team", "pay", "--server", url(), "--token", webReader),
                "closeout: HTTP 403: team: a team-scoped token sees only its own team's report");
        failures.put(List.of("report", "overdue", "--server", url(), "--token", "not-a-token"), "closeout: HTTP 401");
        failures.put(List.of("report", "overdue", "--server", url()),
                "closeout: --server needs --token or the environment variable CLOSEOUT_TOKEN");
        failures.put(List.of("report", "velocity"), "closeout: report: no report 'velocity'; one of ");

        failures.forEach((arguments, message) -> {
            CommandLineRun run = CommandLineRun.of(arguments.toArray(String[]::new));

            assertEquals(2, run.exitCode(), arguments.toString());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith(message), arguments + " said " + run.err());
            assertEquals("", run.out(), arguments.toString());
            assertFalse(run.err().contains(webReader), "the token is never printed");
        });
        assertTrue(CommandLineRun.of("report", "velocity").err().contains("overdue"), "the reports are listed");
    }

    @Test
    void throughAServerNoDatabaseIsMadeWhereTheCommandRuns(@TempDir Path dataDir) throws IOException {
        TestDatabase.properties().keySet().forEach(System::clearProperty);
        System.setProperty("closeout.data-dir", dataDir.toString());

        CommandLineRun run = CommandLineRun.of("report", "overdue", "--server", url(), "--token", reader);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Overdue on 2026-03-10: 9 follow-ups; due within 7 days: 2\n"), run.out());
        try (Stream<Path> files = Files.list(dataDir)) {
            assertEquals(List.of(), files.toList());
        }
        // the admin's token is not needed: any reader's is
        assertFalse(new ArrayList<>(List.of(run.out(), run.err())).toString().contains(ADMIN));
    }

    private String url() {
        return server.getURL().toString();
    }
}
