package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.support.EmbeddedDefault;

import java.util.Map;

/**
 * The weekly review on the embedded H2 default a first-run user gets: the history's upsert and streaming
 * read, the week's grouped counts and the union of the longest overdue must work there too.
 */
class WeeklyReviewEmbeddedTest extends WeeklyReviewApiTest {

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(EmbeddedDefault.properties());
    }
}
