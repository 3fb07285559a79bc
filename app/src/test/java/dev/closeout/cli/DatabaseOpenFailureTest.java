package dev.closeout.cli;

import dev.closeout.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database the command line cannot open is one line on stderr naming it and what to do, and exit code 2: no
 * stack trace, no log. Each command runs as a process of its own, as a person runs it.
 */
class DatabaseOpenFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void anEmbeddedDatabaseHeldByAProcessThatDoesNotShareItIsNamed() throws SQLException {
        // opened without AUTO_SERVER, as an older Closeout or the H2 console holds it: this JVM keeps the file
        String unshared = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("closeout") + ";MODE=MySQL";
        try (Connection holder = DriverManager.getConnection(unshared, "sa", "")) {
            CloseoutProcess.Finished run = CloseoutProcess.run(Map.of("CLOSEOUT_DATA_DIR", dataDir.toString()),
                    "token", "create", "--name", "x", "--role", "admin");

            assertEquals(2, run.exitCode(), run.err());
            assertEquals(List.of("closeout: the embedded database in " + dataDir.toAbsolutePath().normalize()
                    + " is open in a process that does not share it (an older Closeout, or one on another machine); "
                    + "stop that process and run this again"), run.errLines());
            assertEquals("", run.out());
        }
    }

    @Test
    void anUnreachableDatabaseServerIsNamedWithWhatToCheck() {
        String url = "jdbc:mysql://127.0.0.1:" + CloseoutProcess.freePort() + "/closeout";

        CloseoutProcess.Finished run = CloseoutProcess.run(Map.of("DATASOURCES_DEFAULT_URL", url),
                "import", "../docs/examples");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("closeout: cannot reach the database at " + url + " (Connection refused); check "
                + "DATASOURCES_DEFAULT_URL and that the database server is running"), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void wrongCredentialsAreNamedWithoutThePassword() {
        String password = "not-the-password-7d1e";

        CloseoutProcess.Finished run = CloseoutProcess.run(Map.of("DATASOURCES_DEFAULT_URL", TestDatabase.url(),
                "DATASOURCES_DEFAULT_USERNAME", "closeout_nobody", "DATASOURCES_DEFAULT_PASSWORD", password),
                "report", "overdue");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("closeout: the database at " + DatabaseProblem.withoutSecrets(TestDatabase.url())
                + " refused the login (Access denied for user 'closeout_nobody'"), run.err());
        assertTrue(run.err().contains("check DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD"), run.err());
        assertFalse(run.err().contains(password), run.err());
    }

    @Test
    void theServiceOnAnUnreachableDatabaseEndsWithTheSameLine() {
        String url = "jdbc:mysql://127.0.0.1:" + CloseoutProcess.freePort() + "/closeout";

        CloseoutProcess.Finished run = CloseoutProcess.run(Map.of("DATASOURCES_DEFAULT_URL", url,
                "MICRONAUT_SERVER_PORT", String.valueOf(CloseoutProcess.freePort())), "serve");

        assertEquals(2, run.exitCode(), run.err());
        // the service keeps its INFO log; what ends it is the last line, and no stack trace comes with it
        List<String> lines = run.errLines();
        assertEquals("closeout: cannot reach the database at " + url + " (Connection refused); check "
                + "DATASOURCES_DEFAULT_URL and that the database server is running", lines.get(lines.size() - 1));
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("\tat ")), run.err());
        // the driver looks for an OpenTelemetry SDK unless told not to, and says so at INFO on every start
        assertTrue(lines.stream().noneMatch(line -> line.contains("OpenTelemetry")), run.err());
    }
}
