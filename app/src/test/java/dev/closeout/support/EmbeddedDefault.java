package dev.closeout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The embedded H2 default a first-run user gets, in a data folder of its own for each test context. */
public final class EmbeddedDefault {

    private EmbeddedDefault() {
    }

    public static Map<String, String> properties() {
        try {
            return Map.of("closeout.data-dir", Files.createTempDirectory("closeout-embedded").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
