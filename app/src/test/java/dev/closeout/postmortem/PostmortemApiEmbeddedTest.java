package dev.closeout.postmortem;

import dev.closeout.support.EmbeddedDefault;

import java.util.Map;

/** The same API on the embedded H2 default a first-run user gets with no database configured. */
class PostmortemApiEmbeddedTest extends PostmortemApiContract {

    @Override
    public Map<String, String> getProperties() {
        return EmbeddedDefault.properties();
    }
}
