package dev.closeout.report;

import dev.closeout.action.MovableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The weekly review on the embedded H2 default a first-run user gets: the history's upsert and streaming
 * read, the week's grouped counts and the union of the longest overdue must work there too.
 */
class WeeklyReviewEmbeddedTest extends WeeklyReviewApiTest {

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
