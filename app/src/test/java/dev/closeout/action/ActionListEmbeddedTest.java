package dev.closeout.action;

import dev.closeout.support.EmbeddedDefault;

import java.util.Map;

/**
 * The same lists on the embedded H2 default a first-run user gets: the sorts' null ordering, the text
 * search and the root-cause subqueries must work there too.
 */
class ActionListEmbeddedTest extends ActionListApiTest {

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(EmbeddedDefault.properties());
    }
}
