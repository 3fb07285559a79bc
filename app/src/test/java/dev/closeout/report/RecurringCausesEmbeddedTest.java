package dev.closeout.report;

import dev.closeout.action.MovableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The same report on the embedded H2 default a first-run user gets: the window's ranges, the counts filtered
 * inside the aggregates, the team's postmortems and the reopened follow-ups' periods must read alike there.
 */
class RecurringCausesEmbeddedTest extends RecurringCausesApiTest {

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
