package dev.closeout.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImportProgressTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void onATerminalOneLineIsRedrawnAndClearedForResults() {
        ImportProgress progress = new ImportProgress(stream(err), 12, true);

        progress.start(3, "pm/cache.md");
        progress.println(stream(out), "imported  pm/cache.md");
        progress.finish();

        assertEquals("\r\033[K[ 3/12] pm/cache.md\r\033[K[ 3/12] pm/cache.md\r\033[K", text(err));
        assertEquals("imported  pm/cache.md" + System.lineSeparator(), text(out));
    }

    @Test
    void elsewhereEachFileGetsALine() {
        ImportProgress progress = new ImportProgress(stream(err), 2, false);

        progress.start(1, "a.md");
        progress.println(stream(out), "imported  a.md");
        progress.start(2, "b.md");
        progress.finish();

        assertEquals("[1/2] a.md" + System.lineSeparator() + "[2/2] b.md" + System.lineSeparator(), text(err));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
