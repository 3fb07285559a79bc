package dev.closeout.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The same lists on the embedded H2 default a first-run user gets: the sorts' null ordering, the text
 * search and the root-cause subqueries must work there too.
 */
class ActionListEmbeddedTest extends ActionListApiTest {

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("closeout.data-dir", Files.createTempDirectory("closeout-embedded").toString(),
                    "spec.name", MovableClock.SPEC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
