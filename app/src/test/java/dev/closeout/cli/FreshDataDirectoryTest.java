package dev.closeout.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Commands that write to the configured database run here on the embedded default in a directory of
 * their own, as on a first run.
 */
abstract class FreshDataDirectoryTest {

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
}
