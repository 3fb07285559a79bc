package dev.closeout.support.openapi;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The statuses the OpenAPI document generated at build lists for each operation, and the answers the HTTP tests
 * saw that it does not list. {@link StatusRecordingFilter} reports every {@code /api} answer here while any test
 * runs; {@link DocumentedStatusesExtension} fails the test during which an undocumented one was seen. So a status
 * added to an operation (a new error, a 201 where there was a 200) fails the first test that sees it until the
 * document lists it, whatever order the suite runs in (docs/api.md, "The OpenAPI document").
 */
public final class DocumentedStatuses {

    /** Where micronaut-openapi writes the document; the server serves it as /swagger/closeout-0.1.yml. */
    static final String DOCUMENT = "META-INF/swagger/closeout-0.1.yml";

    /** Where a test mounts a route of its own (UnknownQueryParameterFilterTest): not the product's API. */
    static final String TEST_ONLY = "/api/test-only/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");
    private static final Queue<Observation> UNDOCUMENTED = new ConcurrentLinkedQueue<>();
    /** Every distinct answer seen in this run: a few hundred at most (operations × statuses). */
    private static final Set<Observation> OBSERVED = ConcurrentHashMap.newKeySet();
    private static volatile DocumentedStatuses served;

    /** "METHOD /path/{template}" → the response codes the document lists for it. */
    private final Map<String, Set<String>> statuses;

    DocumentedStatuses(Map<String, Set<String>> statuses) {
        this.statuses = statuses;
    }

    /** One answer: the operation's method and path template, and the status. */
    public record Observation(String method, String template, int status) {

        String operation() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }

        @Override
        public String toString() {
            return operation() + " answered " + status;
        }
    }

    /** The document on the test classpath (the build's own), read once. */
    public static DocumentedStatuses served() {
        DocumentedStatuses document = served;
        if (document == null) {
            try (InputStream in = DocumentedStatuses.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
                if (in == null) {
                    throw new IllegalStateException(DOCUMENT + " is not on the classpath: micronaut-openapi writes it "
                            + "when app compiles");
                }
                document = parse(new Yaml().load(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            served = document;
        }
        return document;
    }

    @SuppressWarnings("unchecked")
    static DocumentedStatuses parse(Map<String, Object> document) {
        Map<String, Set<String>> statuses = new TreeMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, operations) ->
                operations.forEach((method, operation) -> {
                    if (METHODS.contains(method) && operation instanceof Map<?, ?> described) {
                        Map<String, Object> responses = (Map<String, Object>) described.get("responses");
                        statuses.put(method.toUpperCase(Locale.ROOT) + " " + path,
                                new TreeSet<>(responses == null ? Set.of() : responses.keySet()));
                    }
                }));
        return new DocumentedStatuses(statuses);
    }

    /** Whether the document lists {@code observation}'s status for its operation (an operation it lacks: no). */
    public boolean documents(Observation observation) {
        Set<String> listed = statuses.get(observation.operation());
        return listed != null && (listed.contains(String.valueOf(observation.status())) || listed.contains("default"));
    }

    /** Records an answer the server gave; one the document does not list waits for {@link #takeUndocumented}. */
    static void observe(Observation observation) {
        OBSERVED.add(observation);
        flagIfUndocumented(observation);
    }

    /** Keeps {@code observation} for {@link #takeUndocumented} when the served document does not list it. */
    static void flagIfUndocumented(Observation observation) {
        if (!observation.template().startsWith(TEST_ONLY) && !served().documents(observation)) {
            UNDOCUMENTED.add(observation);
        }
    }

    /** Every distinct answer seen so far in this run. */
    static Set<Observation> observed() {
        return Set.copyOf(OBSERVED);
    }

    /** Writes {@link #observed} to {@code file}, one "METHOD path status" a line, sorted. */
    static void writeObserved(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, observed().stream().map(o -> o.operation() + "\t" + o.status()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The undocumented answers seen since the last call, each once, in order. */
    static List<Observation> takeUndocumented() {
        List<Observation> seen = new ArrayList<>();
        for (Observation observation = UNDOCUMENTED.poll(); observation != null; observation = UNDOCUMENTED.poll()) {
            if (!seen.contains(observation)) {
                seen.add(observation);
            }
        }
        return seen;
    }
}
