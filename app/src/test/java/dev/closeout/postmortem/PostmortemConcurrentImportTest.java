package dev.closeout.postmortem;

import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Corpus;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Texts pushed by many scripts at once, each naming its own source (each postmortem mirrored in twenty
 * places, 260 requests): the imports race for the same content-hash key and the same rows' locks, and MariaDB
 * answers some of them with a deadlock or a duplicate key. Each client must still get its 2xx.
 */
class PostmortemConcurrentImportTest extends ApiTestBase {

    private static final int SOURCES = 20;
    private static final int TEXTS = 13;
    private static final int CLIENTS = 40;

    @Inject
    EmbeddedServer server;

    @Inject
    PostmortemRepository postmortems;

    @Test
    void textsImportedUnderTwentySourcesEachAtOnceAreAnswered2xxEveryTimeAndStoredOnce() throws Exception {
        String text = Corpus.read(Corpus.SEED_LB_ROUTING);
        JsonMapper json = JsonMapper.createDefault();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int request = 0; request < SOURCES * TEXTS; request++) {
                String source = "mirror-" + (request % SOURCES) + "/" + (request / SOURCES) + ".md";
                String revision = text + "\n\nRevision " + (request / SOURCES) + "\n";
                byte[] body = json.writeValueAsBytes(Map.of("source", source, "text", revision));
                HttpRequest post = HttpRequest.newBuilder(server.getURI().resolve("/api/postmortems"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + ADMIN)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                answers.add(clients.submit(() -> {
                    start.await();
                    return http.send(post, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();

            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 300 && failures.size() < 3) {
                    failures.add(response.body());
                }
            }
            assertEquals(List.of(), failures, statuses::toString);
            assertEquals(Map.of(200, (SOURCES - 1) * TEXTS, 201, TEXTS), statuses);
            assertEquals(TEXTS, postmortems.count());
        } finally {
            clients.shutdownNow();
        }
    }
}
