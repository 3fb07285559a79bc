package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.support.EmbeddedDefault;

import java.util.Map;

/**
 * The backlog history on the embedded H2 default: the backfill's streamed replay, the recount of recent days
 * (its grouped count of the follow-ups as they stand) and the upsert must work there too.
 */
class BacklogHistoryEmbeddedTest extends BacklogHistoryTest {

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(EmbeddedDefault.properties());
    }
}
