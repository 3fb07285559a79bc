package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.support.EmbeddedDefault;

import java.util.Map;

/**
 * The same report on the embedded H2 default a first-run user gets: the history subqueries, the grouping by
 * age bucket and the streamed CSV must work there too.
 */
class OverdueReportEmbeddedTest extends OverdueReportApiTest {

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(EmbeddedDefault.properties());
    }
}
