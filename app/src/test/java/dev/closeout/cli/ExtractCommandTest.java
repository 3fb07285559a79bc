package dev.closeout.cli;

import dev.closeout.support.Corpus;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractCommandTest {

    @Test
    void printsOneJsonObjectPerFileInTheLabelSchema() throws IOException {
        String seed = Corpus.example(Corpus.SEED_LB_ROUTING).toString();

        CommandLineRun run = CommandLineRun.of("extract", "--format", "json", seed);

        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, Object>> results = JsonMapper.createDefault()
                .readValue(run.out(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(1, results.size());
        assertEquals(seed, results.get(0).get("file"));
        assertEquals("Postmortem: Service Outage on ExApp", results.get(0).get("title"));
        assertEquals(7, ((List<?>) results.get(0).get("actions")).size());
        assertTrue(results.get(0).containsKey("root_cause"), run.out());
        Map<?, ?> firstAction = (Map<?, ?>) ((List<?>) results.get(0).get("actions")).get(0);
        assertTrue(firstAction.containsKey("owner") && firstAction.get("owner") == null,
                "unset fields are written as null: " + firstAction);
    }

    @Test
    void namesAnUnreadableFileExitsTwoAndStillProcessesTheOthers() {
        String seed = Corpus.example(Corpus.SEED_LB_ROUTING).toString();

        CommandLineRun run = CommandLineRun.of("extract", "no-such-postmortem.md", seed);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no-such-postmortem.md: no such file"), run.err());
        assertTrue(run.out().contains("Postmortem: Service Outage on ExApp"), run.out());
    }

    @Test
    void refusesAFileLargerThanAnyPostmortem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws IOException {
        java.nio.file.Path huge = folder.resolve("huge.md");
        java.nio.file.Files.write(huge, new byte[PostmortemFiles.MAX_BYTES + 1]);

        CommandLineRun run = CommandLineRun.of("extract", huge.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("huge.md: larger than 10 MB"), run.err());
    }

    @Test
    void readsStandardInputForADash() {
        java.io.InputStream originalIn = System.in;
        CommandLineRun run;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "# Outage\n## Action items\n- Add a disk alert (owner: @sam)\n".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)));
            run = CommandLineRun.of("extract", "--format", "text", "-");
        } finally {
            System.setIn(originalIn);
        }

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("== -"), run.out());
        assertTrue(run.out().contains("Add a disk alert"), run.out());
    }

    @Test
    void printsAReadableSummaryAsText() {
        CommandLineRun run = CommandLineRun.of("extract", "--format", "text",
                Corpus.example(Corpus.SEED_LB_ROUTING).toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("title:      Postmortem: Service Outage on ExApp"), run.out());
        assertTrue(run.out().contains("7 actions"), run.out());
        assertTrue(run.out().contains("  Improvements Needed\n"), run.out());
    }
}
