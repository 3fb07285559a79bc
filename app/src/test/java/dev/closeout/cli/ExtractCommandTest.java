package dev.closeout.cli;

import dev.closeout.postmortem.extraction.PostmortemExtractor;
import dev.closeout.support.Corpus;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
    void writesTheSameJsonAsTheApiForEachFileInTheOrderGiven(@TempDir Path folder)
            throws IOException {
        List<String> files = List.of(Corpus.example(Corpus.SEED_EXAMPLEAPP).toString(), unusual(folder).toString(),
                Corpus.example(Corpus.SEED_LB_ROUTING).toString(), Corpus.example(Corpus.SEED_EXAMPLEAPP).toString());

        CommandLineRun run = CommandLineRun.of(
                Stream.concat(Stream.of("extract"), files.stream()).toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(apiJson(files), run.out());
    }

    @Test
    void aLargeBatchRunsInAJvmOfItsOwnAndPrintsTheSameBytesInTheOrderGiven(@TempDir Path folder)
            throws IOException, InterruptedException {
        assertTrue(BatchJvm.suits(BatchJvm.FROM_FILES), "this JVM would extract a large batch itself");
        List<String> files = batch(folder, BatchJvm.FROM_FILES);

        CommandLineRun run = CommandLineRun.of(
                Stream.concat(Stream.of("extract"), files.stream()).toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(apiJson(files), run.out());
    }

    @Test
    void aLargeBatchNamesAnUnreadableFileAndExitsTwo(@TempDir Path folder) throws IOException {
        List<String> files = new ArrayList<>(batch(folder, BatchJvm.FROM_FILES));
        files.add(7, "no-such-postmortem.md");

        CommandLineRun run = CommandLineRun.of(Stream.concat(Stream.of("extract", "--format", "text"),
                files.stream()).toArray(String[]::new));

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no-such-postmortem.md: no such file"), run.err());
        assertEquals(BatchJvm.FROM_FILES, run.out().split("\n== ", -1).length, "every readable file is printed");
    }

    /** {@code count} files in {@code folder}, copies of the examples and of {@link #unusual}. */
    private static List<String> batch(Path folder, int count) throws IOException {
        List<Path> texts = List.of(Corpus.example(Corpus.SEED_EXAMPLEAPP), Corpus.example(Corpus.SEED_LB_ROUTING),
                unusual(folder));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve("-" + i + ".md");
            Files.copy(texts.get(i % texts.size()), file);
            files.add(file.toString());
        }
        return files;
    }

    private static Path unusual(Path folder) throws IOException {
        Path unusual = folder.resolve("unusual \"name\".md");
        Files.writeString(unusual, "# Outage \u0001 at 14:00 UTC \uD83D\uDE00 \"quoted\" \\ \u2028\n"
                + "Impact: 12.5% of users\n## Action items\n- Add a disk alert (owner: @s\u00e9b, due 2024-03-01)\n");
        return unusual;
    }

    /** What the API's JSON mapper writes for each file's extraction, in a list with each file's name. */
    private static String apiJson(List<String> files) throws IOException {
        PostmortemExtractor extractor = new PostmortemExtractor();
        JsonMapper mapper = JsonMapper.createDefault();
        StringBuilder expected = new StringBuilder("[");
        for (String file : files) {
            String extraction = new String(mapper.writeValueAsBytes(
                    extractor.extract(Files.readString(Path.of(file)))),
                    StandardCharsets.UTF_8);
            expected.append(expected.length() > 1 ? "," : "").append("{\"file\":")
                    .append(new String(mapper.writeValueAsBytes(file), StandardCharsets.UTF_8))
                    .append(',').append(extraction.substring(1));
        }
        return expected.append(']').append(System.lineSeparator()).toString();
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
