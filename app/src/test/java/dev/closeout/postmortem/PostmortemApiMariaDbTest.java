package dev.closeout.postmortem;

import dev.closeout.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostmortemApiMariaDbTest extends PostmortemApiContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }
}
