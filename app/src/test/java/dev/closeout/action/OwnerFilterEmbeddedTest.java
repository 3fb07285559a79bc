package dev.closeout.action;

import dev.closeout.support.EmbeddedDefault;

import java.util.Map;

/** The same owner filters on the embedded H2 default: its generated owner_key column (V19) must match alike. */
class OwnerFilterEmbeddedTest extends OwnerFilterApiTest {

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(EmbeddedDefault.properties());
    }
}
