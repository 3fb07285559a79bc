package dev.closeout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example postmortems shipped in docs/examples, read as a user would post them. */
public final class Corpus {

    public static final String SEED_LB_ROUTING = "seed-exapp-lb-routing.md";
    public static final String SEED_EXAMPLEAPP = "seed-exampleapp-lb.md";

    private Corpus() {
    }

    public static Path example(String name) {
        // tests run with the module (app/) as working directory
        return Path.of("..", "docs", "examples", name);
    }

    public static String read(String name) {
        try {
            return Files.readString(example(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
