package dev.closeout.cli;

import dev.closeout.postmortem.PostmortemRepository;
import dev.closeout.support.Corpus;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code demo-data} on the embedded default: it writes, refuses to write over postmortems unless appending,
 * and leaves the database's own ids working for the imports after it.
 */
class DemoDataCommandTest extends FreshDataDirectoryTest {

    @Test
    void fillsAFreshDatabaseThenRefusesToAddWithoutAppend() {
        CommandLineRun filled = CommandLineRun.of("demo-data", "--postmortems", "40", "--teams", "4", "--years", "1",
                "--until", "2026-03-01");
        CommandLineRun refused = CommandLineRun.of("demo-data", "--postmortems", "10", "--until", "2026-03-01");
        CommandLineRun appended = CommandLineRun.of("demo-data", "--postmortems", "10", "--teams", "4", "--seed", "2",
                "--until", "2026-03-01", "--append");
        CommandLineRun imported = CommandLineRun.of("import", Corpus.example(Corpus.SEED_LB_ROUTING).toString());

        assertEquals(0, filled.exitCode(), filled.err());
        assertTrue(filled.out().startsWith("4 teams, 40 postmortems, "), filled.out());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("the database already holds 40 postmortems; add --append"), refused.err());
        assertEquals(0, appended.exitCode(), appended.err());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("1 imported"), imported.out());
        assertEquals(51, storedPostmortems());
    }

    @Test
    void namesAnOptionOutOfRange() {
        CommandLineRun run = CommandLineRun.of("demo-data", "--postmortems", "10", "--teams", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--teams: must be 1 to 200, was 0"), run.err());
    }

    private long storedPostmortems() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("closeout.data-dir", dataDir.toString()))) {
            return context.getBean(PostmortemRepository.class).count();
        }
    }
}
