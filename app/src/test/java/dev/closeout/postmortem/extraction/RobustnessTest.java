package dev.closeout.postmortem.extraction;

import dev.closeout.support.Corpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The engine never throws and always answers: random bytes, every prefix-cut of real postmortems, and
 * inputs built to hurt a parser. (Their speed is measured in PathologicalInputBenchmark; the time-out
 * here only stops a hang from stalling the build.)
 */
class RobustnessTest {

    private final PostmortemExtractor extractor = new PostmortemExtractor();

    @Test
    void randomBytesAlwaysYieldAResult() {
        Random random = new Random(20261121L);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(4_096)];
            random.nextBytes(bytes);
            assertAnswers(TextDecoding.decode(bytes));
        }
    }

    @Test
    void randomMarkupSoupAlwaysYieldsAResult() {
        String[] pieces = {"#", "##", "- ", "* ", "1. ", "|", "---", "**", "_", "`", "```", "\n", "\n\n", "  ",
                "\t", ":", "Action Items", "Root Cause", "Timeline", "UTC", "12:30", "2024-01-02", "<h2>", "</li>",
                "[", "](", ")", "•\t", "o\t", "===", "TBD", "@alice", "ABC-123", "#42", ">", "\r\n", "\uFEFF"};
        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int p = 0; p < length; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertAnswers(text.toString());
        }
    }

    // reads the labelled corpus, which is not in the repository: ./mvnw -Peval verify
    @Test
    @Tag("eval")
    void everyTruncationOfTheCorpusYieldsAResult() throws IOException {
        Path dev = CorpusEvaluation.corpusDirectory().resolve("dev");
        List<Path> documents;
        try (Stream<Path> files = Files.list(dev)) {
            documents = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        for (Path document : documents) {
            byte[] bytes = Files.readAllBytes(document);
            for (int cut = 0; cut <= bytes.length; cut += Math.max(1, bytes.length / 40)) {
                byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
                assertAnswers(TextDecoding.decode(prefix));
            }
        }
        assertAnswers(Corpus.read(Corpus.SEED_LB_ROUTING).replace("\n", "\r"));
    }

    @ParameterizedTest
    @EnumSource(PathologicalInputs.Kind.class)
    void pathologicalInputsYieldAResult(PathologicalInputs.Kind kind) {
        String text = PathologicalInputs.build(kind);
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> assertAnswers(text));
    }

    @Test
    void bytesThatAreNotUtf8StillDecode() {
        byte[] latin = "Owner: Jos\u00e9 \u2013 r\u00e9sum\u00e9".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertAnswers(TextDecoding.decode(latin));
    }

    private void assertAnswers(String text) {
        Extraction extraction = extractor.extract(text);
        assertNotNull(extraction);
        assertNotNull(extraction.actions());
        assertNotNull(extraction.incident());
        assertNotNull(extraction.rootCause());
    }
}
