package dev.closeout.report;

import dev.closeout.action.MovableClock;
import dev.closeout.support.EmbeddedDefault;

import java.util.Map;

/**
 * The same report on the embedded H2 default a first-run user gets: the window's ranges, the counts filtered
 * inside the aggregates, the team's postmortems and the reopened follow-ups' periods must read alike there.
 */
class RecurringCausesEmbeddedTest extends RecurringCausesApiTest {

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(EmbeddedDefault.properties());
    }
}
