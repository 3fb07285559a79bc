package dev.closeout.report;

import dev.closeout.action.MovableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The backlog history on the embedded H2 default: the backfill's streamed replay, the recount of recent days
 * (its grouped count of the follow-ups as they stand) and the upsert must work there too.
 */
class BacklogHistoryEmbeddedTest extends BacklogHistoryTest {

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
