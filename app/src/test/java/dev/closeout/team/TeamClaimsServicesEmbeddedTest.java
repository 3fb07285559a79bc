package dev.closeout.team;

import dev.closeout.support.EmbeddedDefault;

import java.util.HashMap;
import java.util.Map;

/** The same claims on the embedded H2 default a first-run user gets: its locking reads must work there too. */
class TeamClaimsServicesEmbeddedTest extends TeamClaimsServicesTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(EmbeddedDefault.properties());
        properties.put("spec.name", SPEC);
        return properties;
    }
}
