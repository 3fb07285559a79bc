package dev.closeout.similar;

import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/postmortems/{id}/similar} on postmortems as teams write them: the one about the same failure
 * first, an unrelated one low or not at all; the index following imports, re-imports and corrections; a
 * team-scoped token kept to its team.
 */
class SimilarIncidentsApiTest extends ApiTestBase {

    static final String POOL_MARCH = """
            # Postmortem: Checkout errors from an exhausted database pool

            **Service:** Checkout
            **Incident start:** 2025-03-04 10:12 UTC

            ## Root cause
            The orders database connection pool was exhausted: a slow report query held its connections until the
            pool of 50 connections ran out, and checkout requests timed out waiting for one.

            ## Action items
            - Move the slow report query to the read replica
            - Alert when the orders database connection pool is 80% used
            - Set a statement timeout of 5 seconds for report queries
            """;

    static final String POOL_SEPTEMBER = """
            # Incident review: checkout timeouts (connection pool again)

            **Service:** Checkout
            **Incident start:** 2025-09-12 14:00 UTC

            ## Root cause
            The orders database connection pool was exhausted again: checkout retries held connections until the
            pool ran out and new requests waited for a connection until they timed out.

            ## Action items
            - Cap checkout retries at two per request
            - Alert when the orders database connection pool is 80% used
            - Give checkout its own connection pool
            """;

    static final String POOL_SIZE_CHANGE = """
            # Postmortem: Billing captures stalled

            **Service:** Billing
            **Incident start:** 2025-11-15 21:00 UTC

            ## Root cause
            A configuration change halved the size of the orders database connection pool; the billing worker's
            connections exhausted the smaller pool and captures waited for a connection.

            ## Action items
            - Review connection pool size changes with the database team
            - Alert when the orders database connection pool is 80% used
            """;

    static final String CERTIFICATE = """
            # Postmortem: storefront down, certificate expired

            **Service:** Storefront
            **Incident start:** 2025-07-01 06:00 UTC

            ## Root cause
            The storefront's TLS certificate expired because its renewal job had been disabled during a migration.

            ## Action items
            - Renew the storefront certificate and re-enable the renewal job
            - Alert 21 days before any certificate expires
            """;

    static final String CACHE = """
            # Postmortem: search overloaded after a cache change

            **Service:** Search
            **Incident start:** 2025-05-20 09:30 UTC

            ## Root cause
            A cache TTL change to 0 seconds made every search query miss the cache and overload the search index.

            ## Action items
            - Review cache configuration changes before they are applied
            - Add a canary for cache configuration
            """;

    static final String SEARCH_POOL = """
            # Postmortem: search results empty, database pool exhausted

            **Service:** Search
            **Incident start:** 2025-10-03 08:00 UTC

            ## Root cause
            The search database connection pool was exhausted: the indexer held connections until the pool ran out
            and search requests timed out waiting for a connection.

            ## Action items
            - Give the indexer its own connection pool
            - Alert when the search database connection pool is 80% used
            """;

    @Inject
    SimilarIndex index;

    @Inject
    SimilarIndexKeeper keeper;

    @Inject
    SimilarSources sources;

    private long march;
    private long september;
    private long sizeChange;
    private long certificate;
    private long cache;

    @BeforeEach
    void postmortems() {
        // the index from nothing, as at a start: what earlier tests stored is gone from the database
        keeper.rebuild();
        team("web", List.of("Storefront", "Search"));
        team("pay", List.of("Checkout", "Billing"));
        march = imported("wiki/pay/pool-march.md", POOL_MARCH, "database", "resource-exhaustion");
        september = imported("wiki/pay/pool-september.md", POOL_SEPTEMBER, "database", "resource-exhaustion");
        sizeChange = imported("wiki/pay/pool-size.md", POOL_SIZE_CHANGE, "database", "configuration-change");
        certificate = imported("wiki/web/certificate.md", CERTIFICATE, "certificate", "expiry");
        cache = imported("wiki/web/cache.md", CACHE, "cache", "configuration-change");
    }

    @Test
    void theSameFailureComesFirstAndAnUnrelatedOneLowOrNotAtAll() {
        List<Map<String, Object>> items = similar(march, ADMIN);

        assertEquals(List.of(september, sizeChange), ids(items).subList(0, 2));
        Map<String, Object> first = items.get(0);
        assertEquals(Map.of("id", Math.toIntExact(september), "title",
                        "Incident review: checkout timeouts (connection pool again)", "incident_date", "2025-09-12",
                        "service", "Checkout"), first.get("postmortem"));
        assertEquals(true, first.get("same_component"));
        assertEquals(true, first.get("same_trigger"));
        assertEquals(true, items.get(1).get("same_component"));
        assertEquals(false, items.get(1).get("same_trigger"));
        List<Double> scores = items.stream().map(item -> ((Number) item.get("score")).doubleValue()).toList();
        assertTrue(scores.stream().allMatch(score -> score > 0 && score <= 1), scores.toString());
        assertEquals(scores.stream().sorted((a, b) -> Double.compare(b, a)).toList(), scores, "best first");
        // the same cause and service, with the same words: most of the way to the postmortem itself
        assertTrue(scores.get(0) > 0.6, scores.toString());
        // the certificate and the cache share no word of the root cause, no label, no service
        assertTrue(!ids(items).contains(certificate) || score(items, certificate) < 0.1, items.toString());
        assertTrue(!ids(items).contains(cache) || score(items, cache) < 0.1, items.toString());
    }

    @Test
    void theIndexFollowsImportsReimportsAndCorrections() {
        long searchPool = imported("wiki/web/search-pool.md", SEARCH_POOL, "database", "resource-exhaustion");
        List<Map<String, Object>> afterImport = similar(march, ADMIN);
        assertTrue(ids(afterImport).subList(0, 3).contains(searchPool), "a new import is found at once");

        // the source edited into another postmortem altogether: what it said before is forgotten; only the labels
        // a person set (kept over re-imports) still match
        exchange(HttpRequest.POST("/api/postmortems", Map.of("source", "wiki/web/search-pool.md", "text",
                CERTIFICATE.replace("2025-07-01 06:00", "2025-12-01 06:00"))).bearerAuth(ADMIN));
        List<Map<String, Object>> afterReimport = similar(march, ADMIN);
        assertTrue(score(afterReimport, searchPool) < SimilarityScoring.COMPONENT_WEIGHT
                + SimilarityScoring.TRIGGER_WEIGHT + 0.05, afterReimport.toString());
        assertTrue(ids(afterReimport).indexOf(searchPool) > ids(afterReimport).indexOf(sizeChange),
                afterReimport.toString());

        // a person corrects the cache postmortem's root cause: it is compared by what they wrote
        exchange(HttpRequest.PATCH("/api/postmortems/" + cache, Map.of("root_cause", Map.of("summary",
                "The orders database connection pool was exhausted by cache refreshes holding connections.",
                "component", "database", "trigger", "resource-exhaustion"))).bearerAuth(ADMIN));
        List<Map<String, Object>> afterCorrection = similar(march, ADMIN);
        assertTrue(ids(afterCorrection).subList(0, 3).contains(cache), afterCorrection.toString());
    }

    @Test
    void aTeamScopedTokenSeesItsOwnTeamsPostmortemsOnly() {
        long searchPool = imported("wiki/web/search-pool.md", SEARCH_POOL, "database", "resource-exhaustion");
        String webReader = token("web-dashboard", "reader", "web");

        assertTrue(ids(similar(searchPool, ADMIN)).subList(0, 3).containsAll(List.of(march, september)),
                "pay's pool exhaustions are the most alike");
        List<Long> asWeb = ids(similar(searchPool, webReader));
        assertTrue(asWeb.stream().noneMatch(id -> List.of(march, september, sizeChange).contains(id)),
                asWeb.toString());
        assertTrue(asWeb.contains(cache), "web's own postmortems are still found: " + asWeb);
        assertProblem(HttpStatus.NOT_FOUND, "no postmortem with id " + march,
                () -> getJson("/api/postmortems/" + march + "/similar", webReader));
    }

    @Test
    void limitIsHowManyAreAnswered() {
        assertEquals(1, similar(march, ADMIN, "?limit=1").size());
        assertProblem(HttpStatus.BAD_REQUEST, "limit: 0 is not between 1 and 50",
                () -> getJson("/api/postmortems/" + march + "/similar?limit=0"));
        assertProblem(HttpStatus.NOT_FOUND, "no postmortem with id 99999999",
                () -> getJson("/api/postmortems/99999999/similar"));
    }

    @Test
    void answersServiceUnavailableWhileTheIndexIsBuilt() {
        index.startBuild();
        try {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> getJson("/api/postmortems/" + march + "/similar"));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, refused.getStatus());
            assertEquals("5", refused.getResponse().header("Retry-After"));
        } finally {
            keeper.rebuild();
        }
        assertEquals(List.of(september, sizeChange), ids(similar(march, ADMIN)).subList(0, 2));
    }

    @Test
    void aRebuildAskedForWhileOneRunsWaitsForItInsteadOfBuildingAlongside() throws Exception {
        HeldSources held = new HeldSources(sources);
        SimilarIndex fresh = new SimilarIndex();
        try {
            SimilarIndexKeeper keeper = new SimilarIndexKeeper(fresh, held);
            Thread first = new Thread(keeper::rebuild, "first-build");
            first.start();
            assertTrue(held.reading.await(30, TimeUnit.SECONDS), "the first build reads the postmortems");

            Thread second = new Thread(keeper::rebuild, "second-build");
            second.start();
            // until it has either begun a build of its own or settled down to wait
            while (held.builds.get() < 2 && second.getState() != Thread.State.WAITING
                    && second.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }
            assertEquals(1, held.builds.get(), "no second build over every postmortem while the first runs");
            assertTrue(second.isAlive(), "the second waits for the first");

            held.release.countDown();
            first.join();
            second.join();
            assertTrue(fresh.isReady());
            assertEquals(5, fresh.size());
        } finally {
            held.release.countDown();
            fresh.close();
        }
    }

    /**
     * The postmortems as the keeper reads them, through the real {@link SimilarSources}, counting the builds that
     * begin and holding the first build's first read until released.
     */
    static final class HeldSources extends SimilarSources {

        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger builds = new AtomicInteger();
        private final SimilarSources database;

        HeldSources(SimilarSources database) {
            super(null);
            this.database = database;
        }

        @Override
        Optional<LocalDateTime> lastChange() {
            // every build begins by asking where it reads up to
            builds.incrementAndGet();
            return database.lastChange();
        }

        @Override
        List<SimilarDocument> after(long afterId, int limit) {
            if (afterId == 0 && reading.getCount() > 0) {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return database.after(afterId, limit);
        }
    }

    private void team(String key, List<String> services) {
        exchange(HttpRequest.POST("/api/teams", Map.of("key", key, "name", key, "services", services))
                .bearerAuth(ADMIN));
    }

    /** Imports the text and sets its root cause's labels as a person would, so the test does not lean on them. */
    private long imported(String source, String text, String component, String trigger) {
        long id = id(exchange(HttpRequest.POST("/api/postmortems", Map.of("source", source, "text", text))
                .bearerAuth(ADMIN)).body());
        exchange(HttpRequest.PATCH("/api/postmortems/" + id, Map.of("root_cause", Map.of("component", component,
                "trigger", trigger))).bearerAuth(ADMIN));
        return id;
    }

    private List<Map<String, Object>> similar(long id, String token) {
        return similar(id, token, "");
    }

    private List<Map<String, Object>> similar(long id, String token, String query) {
        return list(getJson("/api/postmortems/" + id + "/similar" + query, token).get("items"));
    }

    private static List<Long> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> id(map(item.get("postmortem")))).toList();
    }

    private static double score(List<Map<String, Object>> items, long id) {
        return items.stream().filter(item -> id(map(item.get("postmortem"))) == id)
                .mapToDouble(item -> ((Number) item.get("score")).doubleValue()).findFirst().orElseThrow();
    }
}
