package dev.closeout.support;

import dev.closeout.postmortem.ImportResult;
import dev.closeout.postmortem.PostmortemImporter;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every test database hands out ids from 100,000 up (HighIds), on MariaDB and on the embedded H2 default:
 * a test that leans on small ids, or code that does (a boxed id compared with ==), fails here rather than
 * in production.
 */
class HighIdsTest {

    @TempDir
    Path dataDir;

    @Test
    void theTestMariaDbHandsOutHighIds() {
        assertImportGetsHighIds(new HashMap<>(TestDatabase.properties()));
    }

    @Test
    void theEmbeddedDefaultHandsOutHighIds() {
        assertImportGetsHighIds(Map.of("closeout.data-dir", dataDir.toString()));
    }

    private static void assertImportGetsHighIds(Map<String, Object> config) {
        try (ApplicationContext context = ApplicationContext.run(config)) {
            context.getBean(DatabaseCleaner.class).clean();
            ImportResult imported = context.getBean(PostmortemImporter.class)
                    .importText("high-ids", Corpus.read(Corpus.SEED_LB_ROUTING), "test");
            assertAll(() -> assertTrue(imported.postmortem().id() >= HighIds.FIRST_ID,
                            "postmortem id " + imported.postmortem().id()),
                    () -> imported.actions().forEach(action -> assertTrue(action.id() >= HighIds.FIRST_ID,
                            "action id " + action.id())));
        }
    }
}
