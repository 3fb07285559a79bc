package dev.closeout.postmortem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The same API on the embedded H2 default a first-run user gets with no database configured. */
class PostmortemApiEmbeddedTest extends PostmortemApiContract {

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("closeout.data-dir", Files.createTempDirectory("closeout-embedded").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
