package dev.closeout.cli;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {

    private static final String DB_FAILOVER = """
            # Orders database failover

            On 2026-03-04 from 09:10 to 09:40 UTC the orders service was down for all users.

            ## Root cause

            The primary database ran out of disk space.

            ## Action items

            - Add a disk usage alert for the orders database (owner: @sam, due 2026-03-20)
            """;

    /** Labels the action the document states, and one its author meant but the engine cannot find. */
    private static final String DB_FAILOVER_LABEL = """
            {
              "title": "Orders database failover",
              "service": "orders",
              "incident": {"start": "2026-03-04T09:10:00Z", "end": "2026-03-04T09:40:00Z", "duration_minutes": 30},
              "impact_percent": null,
              "root_cause": {"summary": "The disk filled up.", "component": "database", "trigger": "resource-exhaustion"},
              "actions": [
                {"text": "Add a disk usage alert for the orders database (owner: @sam, due 2026-03-20)",
                 "kind": "preventative", "group": "Action items", "owner": "%s", "due": "2026-03-20",
                 "priority": null, "ticket": null},
                {"text": "Write a runbook for failing over the orders database", "kind": "preventative",
                 "group": "Action items", "owner": null, "due": null, "priority": null, "ticket": null}
              ]
            }
            """;

    @TempDir
    Path folder;

    @Test
    void aMissedActionHalvesTheRecall() throws IOException {
        writeDbFailover("@sam");

        CommandLineRun run = CommandLineRun.of("eval", folder.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("documents 1\n"), run.out());
        assertTrue(run.out().contains("expected actions 2, extracted 1, matched 1\n"), run.out());
        assertTrue(run.out().contains("actions    precision 1.000  recall 0.500  F1 0.667\n"), run.out());
        assertTrue(run.out().contains("title              1.000 (1/1)\n"), run.out());
        assertTrue(run.out().contains("action.owner       1.000 (1/1)\n"), run.out());
        assertFalse(run.out().contains("MISSED"), "misses only with --verbose: " + run.out());
    }

    @Test
    void verboseNamesEveryMiss() throws IOException {
        writeDbFailover("@alex");

        CommandLineRun run = CommandLineRun.of("eval", "--verbose", folder.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("action.owner       0.000 (0/1)\n"), run.out());
        assertTrue(run.out().contains(
                "  db-failover.md MISSED action: Write a runbook for failing over the orders database\n"), run.out());
        assertTrue(run.out().contains("  db-failover.md action 'Add a disk usage alert for the orders database ...'"
                + " action.owner: expected @alex, got @sam\n"), run.out());
    }

    @Test
    void scoresMarkdownPlainTextHtmlAndRestructuredText() throws IOException {
        writeDbFailover("@sam");
        write("cdn-certificate.html", """
                <html><body>
                <h1>CDN certificate expiry</h1>
                <p>The TLS certificate of the CDN expired.</p>
                <h2>Action items</h2>
                <ul><li>Renew certificates automatically with ACME</li></ul>
                </body></html>
                """);
        write("cdn-certificate.json", label("CDN certificate expiry", "Renew certificates automatically with ACME"));
        write("queue-backlog.txt", """
                Queue backlog

                The billing queue backed up after a deploy.

                Action items
                - Alert when the billing queue is older than ten minutes
                """);
        write("queue-backlog.json", label("Queue backlog", "Alert when the billing queue is older than ten minutes"));
        write("search-latency.rst", """
                Search latency regression
                =========================

                Search answered slowly for an hour after the index was rebuilt.

                Action items
                ------------

                * Rebuild the search index on a replica first
                """);
        write("search-latency.json", label("Search latency regression", "Rebuild the search index on a replica first"));

        CommandLineRun run = CommandLineRun.of("eval", folder.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("documents 4\n"), run.out());
        assertTrue(run.out().contains("expected actions 5, extracted 4, matched 4\n"), run.out());
        assertTrue(run.out().contains("title              1.000 (4/4)\n"), run.out());
    }

    @Test
    void skipsAPostmortemWithoutLabelAndALabelWithoutPostmortemWithANote() throws IOException {
        writeDbFailover("@sam");
        write("draft.md", "# Draft\n\n## Action items\n\n- Decide later\n");
        write("orphan.json", label("Orphan", "Nothing"));

        CommandLineRun run = CommandLineRun.of("eval", folder.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("skipped " + folder.resolve("draft.md") + ": no label draft.json beside it"),
                run.err());
        assertTrue(run.err().contains("skipped " + folder.resolve("orphan.json") + ": no postmortem"), run.err());
        assertTrue(run.out().contains("documents 1\n"), run.out());
    }

    @Test
    void printsTheScoresAsJsonForMachines() throws IOException {
        writeDbFailover("@sam");

        CommandLineRun run = CommandLineRun.of("eval", "--json", folder.toString());

        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> score = JsonMapper.createDefault().readValue(run.out(),
                Argument.mapOf(String.class, Object.class));
        assertEquals(1, score.get("documents"));
        Map<?, ?> actions = (Map<?, ?>) score.get("actions");
        assertEquals(2, actions.get("expected"));
        assertEquals(1, actions.get("matched"));
        assertEquals(0.5, ((Number) actions.get("recall")).doubleValue());
        assertEquals(Map.of("correct", 1, "total", 1, "score", 1.0), ((Map<?, ?>) score.get("fields")).get("title"));
        assertTrue(score.get("mismatches").toString().contains("MISSED action: Write a runbook"), run.out());
    }

    @Test
    void refusesAMissingDirectoryInOneLine() {
        CommandLineRun run = CommandLineRun.of("eval", folder.resolve("no-such-folder").toString());

        assertEquals(2, run.exitCode());
        assertEquals("closeout: " + folder.resolve("no-such-folder") + ": no such directory\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void refusesAFileForTheDirectory() throws IOException {
        writeDbFailover("@sam");

        CommandLineRun run = CommandLineRun.of("eval", folder.resolve("db-failover.md").toString());

        assertEquals(2, run.exitCode());
        assertEquals("closeout: " + folder.resolve("db-failover.md") + ": not a directory\n", run.err());
    }

    @Test
    void refusesAFolderWithNothingToScore() throws IOException {
        write("draft.md", "# Draft\n");

        CommandLineRun run = CommandLineRun.of("eval", folder.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().endsWith("closeout: " + folder + ": no labelled postmortems (NAME.md with NAME.json "
                + "beside it)\n"), run.err());
    }

    @Test
    void namesALabelThatIsNotJson() throws IOException {
        writeDbFailover("@sam");
        write("broken.md", "# Broken\n");
        write("broken.json", "{\"title\": \"Broken\", \"actions\": [");

        CommandLineRun run = CommandLineRun.of("eval", folder.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("closeout: " + folder.resolve("broken.json") + " is not a valid label: "),
                run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void namesTheFieldOfALabelWithAnUnreadableTime() throws IOException {
        write("late.md", "# Late\n");
        write("late.json", "{\"title\": \"Late\", \"incident\": {\"start\": \"yesterday at noon\"}, \"actions\": []}");

        CommandLineRun run = CommandLineRun.of("eval", folder.toString());

        assertEquals(2, run.exitCode());
        assertEquals("closeout: " + folder.resolve("late.json") + " is not a valid label: incident.start: "
                + "not an ISO-8601 date or date-time: yesterday at noon\n", run.err());
    }

    @Test
    void namesAnActionWithoutText() throws IOException {
        write("vague.md", "# Vague\n");
        write("vague.json", "{\"title\": \"Vague\", \"actions\": [{\"text\": \"Fix it\"}, {\"kind\": \"corrective\"}]}");

        CommandLineRun run = CommandLineRun.of("eval", folder.toString());

        assertEquals(2, run.exitCode());
        assertEquals("closeout: " + folder.resolve("vague.json") + " is not a valid label: action 2 has no text\n",
                run.err());
    }

    private void writeDbFailover(String owner) throws IOException {
        write("db-failover.md", DB_FAILOVER);
        write("db-failover.json", DB_FAILOVER_LABEL.formatted(owner));
    }

    /** A label of a document whose only known facts are its title and one action. */
    private static String label(String title, String action) {
        return """
                {"title": "%s", "actions": [{"text": "%s", "kind": "preventative", "group": "Action items"}]}
                """.formatted(title, action);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
