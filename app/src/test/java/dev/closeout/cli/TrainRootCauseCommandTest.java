package dev.closeout.cli;

import dev.closeout.postmortem.extraction.RootCauseModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainRootCauseCommandTest {

    @Test
    void trainsAModelFromALabelledFolderAndASummariesFile(@TempDir Path folder) throws IOException {
        Path labelled = labelledFolder(folder);
        Path summaries = folder.resolve("summaries.jsonl");
        Files.writeString(summaries, """
                {"id": "s-1", "summary": "Nginx served the default site after a config reload.", "component": "web-server", "trigger": "configuration-change"}

                {"id": "s-2", "summary": "The primary database ran out of disk.", "component": "database", "trigger": "resource-exhaustion", "root_cause": "Disk full on the primary."}
                """);
        Path model = folder.resolve("model.txt");

        CommandLineRun run = CommandLineRun.of("train-root-cause", labelled.toString(), "--summaries",
                summaries.toString(), "--out", model.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(model, StandardCharsets.UTF_8);
        assertEquals("# trained by closeout train-root-cause on 2 documents and 2 summaries", lines.get(0));
        assertTrue(RootCauseModel.read(lines).readsRules());
        assertTrue(run.out().contains("wrote " + model), run.out());
    }

    @Test
    void trainsTheSameModelTwice(@TempDir Path folder) throws IOException {
        Path labelled = labelledFolder(folder);
        Path first = folder.resolve("first.txt");
        Path second = folder.resolve("second.txt");

        CommandLineRun.of("train-root-cause", labelled.toString(), "--out", first.toString());
        CommandLineRun.of("train-root-cause", labelled.toString(), "--out", second.toString());

        assertEquals(Files.readString(first), Files.readString(second));
    }

    @Test
    void leavesOutTheValidationPartWhenAsked(@TempDir Path folder) throws IOException {
        Path labelled = labelledFolder(folder);
        for (int i = 3; i <= 5; i++) {
            addPostmortem(labelled, "incident-" + i, "The queue consumers crashed on a malformed message.", "queue",
                    "software-bug");
        }
        Path model = folder.resolve("model.txt");

        CommandLineRun run = CommandLineRun.of("train-root-cause", labelled.toString(), "--without-validation-part",
                "--out", model.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("# trained by closeout train-root-cause on 4 documents and 0 summaries (validation part left out)",
                Files.readAllLines(model).get(0));
    }

    @Test
    void namesAFolderWithoutLabelsInOneLine(@TempDir Path folder) {
        CommandLineRun run = CommandLineRun.of("train-root-cause", folder.toString(), "--out",
                folder.resolve("model.txt").toString());

        assertEquals(2, run.exitCode());
        assertEquals("closeout: " + folder + ": no labelled postmortem (NAME.json beside NAME.md)", run.err().strip());
        assertTrue(Files.notExists(folder.resolve("model.txt")));
    }

    @Test
    void namesALabelFileThatIsNotJson(@TempDir Path folder) throws IOException {
        Path labelled = labelledFolder(folder);
        Files.writeString(labelled.resolve("incident-1.json"), "{not json");

        CommandLineRun run = CommandLineRun.of("train-root-cause", labelled.toString(), "--out",
                folder.resolve("model.txt").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("closeout: " + labelled.resolve("incident-1.json") + " is not a valid label: "),
                run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void namesAFolderThatDoesNotExistInOneLine(@TempDir Path folder) {
        CommandLineRun run = CommandLineRun.of("train-root-cause", folder.resolve("no-such-folder").toString(), "--out",
                folder.resolve("model.txt").toString());

        assertEquals(2, run.exitCode());
        assertEquals("closeout: " + folder.resolve("no-such-folder") + ": no such directory\n", run.err());
    }

    @Test
    void namesASummaryLineThatIsNotJson(@TempDir Path folder) throws IOException {
        Path labelled = labelledFolder(folder);
        Path summaries = folder.resolve("summaries.jsonl");
        Files.writeString(summaries, """
                {"id": "s-1", "summary": "The primary database ran out of disk.", "component": "database", "trigger": "resource-exhaustion"}
                {"id": "s-2", "summary": "cut off
                """);

        CommandLineRun run = CommandLineRun.of("train-root-cause", labelled.toString(), "--summaries",
                summaries.toString(), "--out", folder.resolve("model.txt").toString());

        assertEquals(2, run.exitCode());
        assertEquals("closeout: " + summaries + " is not a valid label: line 2 is not a JSON object\n", run.err());
    }

    @Test
    void explainsItselfOnHelp() {
        CommandLineRun run = CommandLineRun.of("train-root-cause", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--without-validation-part"), run.out());
        assertTrue(run.out().contains("DIR"), run.out());
    }

    private static Path labelledFolder(Path folder) throws IOException {
        Path labelled = Files.createDirectories(folder.resolve("labelled"));
        addPostmortem(labelled, "incident-1", "A configuration change on the load balancer sent all traffic to one "
                + "backend.", "load-balancer", "configuration-change");
        addPostmortem(labelled, "incident-2", "The TLS certificate of the API expired.", "certificate", "expiry");
        return labelled;
    }

    private static void addPostmortem(Path folder, String name, String rootCause, String component, String trigger)
            throws IOException {
        Files.writeString(folder.resolve(name + ".md"), "# Outage\n\n## Root cause\n\n" + rootCause + "\n");
        Files.writeString(folder.resolve(name + ".json"), """
                {"title": "Outage", "root_cause": {"summary": "%s", "component": "%s", "trigger": "%s"}, "actions": []}
                """.formatted(rootCause, component, trigger));
    }
}
