package dev.closeout.cli;

import dev.closeout.support.Corpus;
import dev.closeout.jira.JiraTickets;
import dev.closeout.jira.SyncState;
import dev.closeout.postmortem.PostmortemRepository;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code import} without {@code --server} writes to the configured database, here the embedded default in a
 * fresh directory.
 */
class ImportCommandTest extends FreshDataDirectoryTest {

    @Test
    void importsFilesOnceAndReportsUnreadableOnes() {
        String seed = Corpus.example(Corpus.SEED_LB_ROUTING).toString();
        String other = Corpus.example(Corpus.SEED_EXAMPLEAPP).toString();

        CommandLineRun first = CommandLineRun.of("import", seed, other);
        CommandLineRun second = CommandLineRun.of("import", seed, "missing.md");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("2 imported, 0 updated, 0 unchanged, 0 failed"), first.out());
        assertEquals(2, second.exitCode());
        assertTrue(second.out().contains("0 imported, 0 updated, 1 unchanged, 1 failed"), second.out());
        assertTrue(second.err().contains("missing.md: no such file"), second.err());
        assertEquals(2, storedPostmortems());
    }

    @Test
    void importsADirectoryRecursivelyAndUpdatesChangedFiles(@TempDir Path postmortems) throws IOException {
        Path first = write(postmortems.resolve("2024/cache.md"), "# Cache outage\n\n## Action items\n- Add an alert on evictions\n");
        write(postmortems.resolve("2024/dns.txt"), "DNS outage\n\nAction items:\n- Lower the TTL of the api record\n");
        write(postmortems.resolve("queue.html"), "<h1>Queue outage</h1><h2>Action items</h2><ul><li>Cap the queue</li></ul>");
        write(postmortems.resolve("diagram.png"), "not a postmortem");
        write(postmortems.resolve(".drafts/draft.md"), "# Draft\n");

        CommandLineRun imported = CommandLineRun.of("import", postmortems.toString());
        Files.writeString(first, Files.readString(first) + "- Size the cache for peak load\n");
        CommandLineRun again = CommandLineRun.of("import", postmortems.toString());

        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("3 imported, 0 updated, 0 unchanged, 0 failed"), imported.out());
        assertEquals(List.of("[1/3] " + first, "[2/3] " + postmortems.resolve("2024/dns.txt"),
                "[3/3] " + postmortems.resolve("queue.html")), imported.err().lines().toList());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("updated   " + first + " -> postmortem"), again.out());
        assertTrue(again.out().contains("0 imported, 1 updated, 2 unchanged, 0 failed"), again.out());
        assertEquals(3, storedPostmortems());
    }

    @Test
    void importsADirectoryNamedThroughASymbolicLinkUnderTheLinksName(@TempDir Path folder) throws IOException {
        Path postmortems = folder.resolve("postmortems");
        write(postmortems.resolve("cache.md"), "# Cache outage\n\n## Action items\n- Add an alert on evictions\n");
        write(postmortems.resolve("dns.txt"), "DNS outage\n\nAction items:\n- Lower the TTL of the api record\n");
        Path link = Files.createSymbolicLink(folder.resolve("current"), postmortems);

        CommandLineRun imported = CommandLineRun.of("import", link.toString());

        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("2 imported, 0 updated, 0 unchanged, 0 failed"), imported.out());
        assertTrue(imported.out().contains("imported  " + link.resolve("cache.md") + " -> postmortem"), imported.out());
        assertEquals(2, storedPostmortems());
    }

    @Test
    void aDirectoryWithNoPostmortemInItFailsSayingSo(@TempDir Path folder) throws IOException {
        write(folder.resolve("diagram.png"), "not a postmortem");

        CommandLineRun imported = CommandLineRun.of("import", folder.toString());

        assertEquals(2, imported.exitCode(), imported.out());
        assertTrue(imported.out().contains("0 imported, 0 updated, 0 unchanged, 1 failed"), imported.out());
        assertTrue(imported.err().contains(folder + ": no postmortem files (.htm, .html, .markdown, .md, .txt) in it"),
                imported.err());
        assertEquals(0, storedPostmortems());
    }

    @Test
    void refusesFilesThatAreNotTextOrAreEmptyAndImportsTheRest(@TempDir Path postmortems) throws IOException {
        Path png = Files.write(postmortems.resolve("diagram.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n',
                0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});
        byte[] pdf = new byte[4_000];
        new java.util.Random(5).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                0, pdf, 0, 15);
        Path pdfLike = Files.write(postmortems.resolve("report.txt"), pdf);
        Path nul = Files.write(postmortems.resolve("dump.md"),
                "# Outage\n\u0000\u0000\nThe cache failed.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path empty = Files.write(postmortems.resolve("empty.txt"), new byte[0]);
        Path blank = write(postmortems.resolve("blank.md"), " \n\t\n  ");
        Path good = write(postmortems.resolve("cache.md"), "# Cache outage\n\n## Action items\n- Add an alert on evictions\n");

        CommandLineRun run = CommandLineRun.of("import", postmortems.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.out().contains("imported  " + good + " -> postmortem"), run.out());
        assertTrue(run.out().contains("1 imported, 0 updated, 0 unchanged, 5 failed"), run.out());
        List<String> failed = run.err().lines().filter(line -> line.startsWith("failed")).toList();
        String notText = ": not text but %s; send the postmortem as markdown, plain text or HTML";
        assertEquals(List.of(
                "failed    " + blank + ": empty; send the postmortem",
                "failed    " + png + String.format(notText, "image/png"),
                "failed    " + nul + String.format(notText, "application/octet-stream"),
                "failed    " + empty + ": empty; send the postmortem",
                "failed    " + pdfLike + String.format(notText, "application/pdf")), failed);
        assertEquals(1, storedPostmortems());
    }

    @Test
    void refusesATokenWithoutAServerAndAServerThatIsNoUrl() {
        String seed = Corpus.example(Corpus.SEED_LB_ROUTING).toString();

        CommandLineRun tokenOnly = CommandLineRun.of("import", "--token", "secret-value", seed);
        CommandLineRun noUrl = CommandLineRun.of("import", "--server", "localhost:8080", "--token", "secret-value", seed);

        assertEquals(2, tokenOnly.exitCode());
        assertTrue(tokenOnly.err().contains("--token is for --server"), tokenOnly.err());
        assertEquals(2, noUrl.exitCode());
        assertTrue(noUrl.err().contains("--server: 'localhost:8080' is not an http:// or https:// URL"), noUrl.err());
        assertFalse((tokenOnly.err() + noUrl.err()).contains("secret-value"), "the token is never printed");
    }

    @Test
    void withTheJiraSyncOnAnImportQueuesTicketsForTheServerToCreate() {
        // nothing listens on this Jira: the import must neither call it nor need it
        System.setProperty("closeout.jira.enabled", "true");
        System.setProperty("closeout.jira.base-url", "http://127.0.0.1:9");
        try {
            CommandLineRun run = CommandLineRun.of("import", Corpus.example(Corpus.SEED_LB_ROUTING).toString());

            assertEquals(0, run.exitCode(), run.err());
        } finally {
            System.clearProperty("closeout.jira.enabled");
            System.clearProperty("closeout.jira.base-url");
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of("closeout.data-dir", dataDir.toString()))) {
            assertEquals(Map.of(SyncState.PENDING, 7), context.getBean(JiraTickets.class).countByState());
        }
    }

    private long storedPostmortems() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("closeout.data-dir", dataDir.toString()))) {
            return context.getBean(PostmortemRepository.class).count();
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
