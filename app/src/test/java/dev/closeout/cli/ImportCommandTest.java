package dev.closeout.cli;

import dev.closeout.support.Corpus;
import dev.closeout.postmortem.PostmortemRepository;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import} writes to the configured database, here the embedded default in a fresh directory. */
class ImportCommandTest {

    @TempDir
    Path dataDir;

    @BeforeEach
    void useFreshDataDirectory() {
        System.setProperty("closeout.data-dir", dataDir.toString());
    }

    @AfterEach
    void restoreConfiguration() {
        System.clearProperty("closeout.data-dir");
    }

    @Test
    void importsFilesOnceAndReportsUnreadableOnes() {
        String seed = Corpus.example(Corpus.SEED_LB_ROUTING).toString();
        String other = Corpus.example(Corpus.SEED_EXAMPLEAPP).toString();

        CommandLineRun first = CommandLineRun.of("import", seed, other);
        CommandLineRun second = CommandLineRun.of("import", seed, "missing.md");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("2 imported, 0 unchanged, 0 failed"), first.out());
        assertEquals(2, second.exitCode());
        assertTrue(second.out().contains("0 imported, 1 unchanged, 1 failed"), second.out());
        assertTrue(second.err().contains("missing.md: no such file"), second.err());
        try (ApplicationContext context = ApplicationContext.run(Map.of("closeout.data-dir", dataDir.toString()))) {
            assertEquals(2, context.getBean(PostmortemRepository.class).count());
        }
    }
}
