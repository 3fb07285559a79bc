package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A few canned Jira answers on 127.0.0.1 that records what the adapters send: enough to check headers,
 * bodies and retries until the full fake Jira arrives. Answers queue per method and path; the last one
 * repeats. Unknown routes answer 404.
 */
final class StubJira implements AutoCloseable {

    /** One request as received. */
    record Received(String method, String path, Map<String, String> query, Map<String, String> headers,
                    String body) {

        JsonNode json() {
            try {
                return JiraHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Answer(int status, String body, Map<String, String> headers, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    private StubJira() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static StubJira start() {
        try {
            return new StubJira();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues an answer; header pairs as name, value, name, value. */
    StubJira answer(String method, String path, int status, String body, String... headers) {
        return queue(method, path, new Answer(status, body, pairs(headers), Duration.ZERO));
    }

    /** Queues an answer that comes only after {@code delay}: longer than the read time-out, it never arrives. */
    StubJira answerAfter(Duration delay, String method, String path, int status, String body) {
        return queue(method, path, new Answer(status, body, Map.of(), delay));
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Received> received(String method, String path) {
        return received().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** The only request to this route. */
    Received one(String method, String path) {
        List<Received> matching = received(method, path);
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " requests to " + method + " " + path + ": " + received());
        }
        return matching.get(0);
    }

    static String example(String name) {
        try {
            return Files.readString(Path.of("/work/shared/jira/examples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private synchronized StubJira queue(String method, String path, Answer answer) {
        answers.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    private synchronized Answer next(String route) {
        Deque<Answer> queued = answers.get(route);
        if (queued == null) {
            return new Answer(404, "{\"errorMessages\":[\"no stub for " + route + "\"],\"errors\":{}}", Map.of(),
                    Duration.ZERO);
        }
        return queued.size() > 1 ? queued.poll() : queued.peek();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(method, path, query(exchange.getRequestURI().getRawQuery()), headers, body));
        Answer answer = next(method + " " + path);
        try {
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (!answer.body().isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static Map<String, String> pairs(String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return map;
    }
}
