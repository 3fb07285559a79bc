package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.support.EmbeddedDefault;

import java.util.Map;

/**
 * The follow-up metrics on the embedded H2 default, which a first run with no database server uses: H2 refuses a
 * GROUP BY over expressions that carry bound values, which the refresh's overdue and time-to-close buckets are.
 */
class FollowupMetricsEmbeddedTest extends FollowupMetricsTest {

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(EmbeddedDefault.properties());
    }
}
