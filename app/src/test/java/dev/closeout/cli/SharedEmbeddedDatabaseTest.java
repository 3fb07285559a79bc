package dev.closeout.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's commands typed in a second shell while the service runs on the embedded default, each a process of
 * its own: they use the service's database (H2's automatic mixed mode) where they used to fail on its file lock
 * with a stack trace, and they print what they did with no log lines below WARN.
 */
class SharedEmbeddedDatabaseTest {

    private static final String ADMIN_TOKEN = "shared-embedded-admin-token";
    /** How long the service may take to answer /health before the test gives up on it: a loaded machine's start. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path dataDir;
    private static Path serviceErr;
    private static int port;
    private static Process service;

    @BeforeAll
    static void startTheService() throws IOException, InterruptedException {
        dataDir = Files.createTempDirectory("closeout-shared");
        serviceErr = dataDir.resolveSibling(dataDir.getFileName() + "-service.err");
        port = CloseoutProcess.freePort();
        service = CloseoutProcess.start(Map.of("CLOSEOUT_DATA_DIR", dataDir.toString(),
                "CLOSEOUT_ADMIN_TOKEN", ADMIN_TOKEN, "MICRONAUT_SERVER_PORT", String.valueOf(port)),
                dataDir.resolveSibling(dataDir.getFileName() + "-service.out"), serviceErr);
        awaitHealth();
    }

    @AfterAll
    static void stopTheService() throws InterruptedException {
        if (service != null) {
            CloseoutProcess.stop(service);
        }
    }

    @Test
    void tokenCreateIssuesATokenTheRunningServiceAccepts() throws IOException, InterruptedException {
        CloseoutProcess.Finished run = second("token", "create", "--name", "second-shell", "--role", "reader");

        assertEquals(0, run.exitCode(), run.err());
        String token = run.out().strip();
        assertTrue(token.startsWith("co_"), run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("issued reader token 'second-shell'"), run.err());
        assertEquals(200, get("/api/actions", token).statusCode());
    }

    @Test
    void importStoresThePostmortemsTheServiceThenLists() throws IOException, InterruptedException {
        Path examples = Path.of("..", "docs", "examples").toAbsolutePath().normalize();

        CloseoutProcess.Finished run = second("import", examples.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().strip().endsWith("2 imported, 0 updated, 0 unchanged, 0 failed"), run.out());
        assertNoLogBelowWarn(run);
        String listed = get("/api/postmortems", ADMIN_TOKEN).body();
        assertTrue(listed.contains("Postmortem: Service Outage on ExApp"), listed);
    }

    @Test
    void reportOverduePrintsTheReportAndNothingElse() {
        CloseoutProcess.Finished run = second("report", "overdue");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Overdue on "), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jiraCheckWithoutJiraSaysWhatIsMissing() {
        CloseoutProcess.Finished run = second("jira", "check");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("configuration: closeout.jira.base-url (CLOSEOUT_JIRA_BASE_URL) is not set"),
                run.out());
        assertEquals("", run.err());
    }

    @Test
    void aSecondServiceOnTheSamePortIsRefusedInOneLine() {
        CloseoutProcess.Finished run = CloseoutProcess.run(Map.of("CLOSEOUT_DATA_DIR", dataDir.toString(),
                "MICRONAUT_SERVER_PORT", String.valueOf(port)), "serve");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("closeout: port " + port + " is already in use (is Closeout already running?); stop what "
                + "listens there, or start this one on another port with MICRONAUT_SERVER_PORT"), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void verboseBringsTheLogsInfoLinesBack() {
        CloseoutProcess.Finished run = second("report", "recurring", "--verbose");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(" INFO "), run.err());
    }

    @Test
    void theServiceLogsInfo() throws IOException {
        String log = Files.readString(serviceErr, StandardCharsets.UTF_8);

        assertTrue(log.contains(" INFO ") && log.contains("Startup completed"), log);
    }

    private static CloseoutProcess.Finished second(String... arguments) {
        return CloseoutProcess.run(Map.of("CLOSEOUT_DATA_DIR", dataDir.toString()), arguments);
    }

    /** What an import prints on stderr is its progress, one line a file; no log line and no stack trace. */
    private static void assertNoLogBelowWarn(CloseoutProcess.Finished run) {
        for (String line : run.errLines()) {
            assertFalse(line.contains(" INFO ") || line.contains(" DEBUG ") || line.startsWith("\tat "), run.err());
        }
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitHealth() throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (!service.isAlive()) {
                fail("the service ended with " + service.exitValue() + ": " + Files.readString(serviceErr));
            }
            try {
                if (get("/health", ADMIN_TOKEN).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        fail("the service did not answer /health within " + START_LIMIT + ": " + Files.readString(serviceErr));
    }
}
