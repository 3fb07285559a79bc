package dev.closeout.support.openapi;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fails a test (or, for what a class's setup saw, the class) during which the server gave an answer the OpenAPI
 * document does not list for its operation. Registered for every test by JUnit's extension auto-detection
 * (src/test/resources/junit-platform.properties and META-INF/services).
 */
public final class DocumentedStatusesExtension implements AfterEachCallback, AfterAllCallback {

    /** What the run saw so far, rewritten after each test class: which statuses the tests reach, per operation. */
    static final Path OBSERVED = Path.of("target", "openapi-observed-statuses.tsv");

    @Override
    public void afterEach(ExtensionContext context) {
        check();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DocumentedStatuses.writeObserved(OBSERVED);
        check();
    }

    private static void check() {
        List<DocumentedStatuses.Observation> undocumented = DocumentedStatuses.takeUndocumented();
        if (!undocumented.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not list these answers the server gave: "
                    + undocumented.stream().map(Object::toString).collect(Collectors.joining("; "))
                    + ". Document each on its operation (dev.closeout.web.ProblemResponses, @ApiResponse), or "
                    + "stop answering it (docs/api.md, \"The OpenAPI document\")");
        }
    }
}
