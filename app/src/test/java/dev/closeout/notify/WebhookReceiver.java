package dev.closeout.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1 that records every request and answers from a script: answers queue in order
 * and the last one repeats; with none queued it answers 200 {@code ok}, as Slack does.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received; header names in lower case. */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private sealed interface Answer {
    }

    private record Reply(int status, String body, Map<String, String> headers) implements Answer {
    }

    /** Holds the request until the receiver closes: the sender's time-out has to end it. */
    private record Silence() implements Answer {
    }

    /** Closes the connection without a status line. */
    private record Hangup() implements Answer {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Runnable onEachRequest = () -> { };

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code path} on this receiver, e.g. {@code /services/T000/B000/XXXX}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Queues an answer; header pairs as name, value, name, value. */
    synchronized WebhookReceiver answer(int status, String body, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        script.add(new Reply(status, body, map));
        return this;
    }

    /** Runs {@code action} as each request arrives, before it is answered: a test's clock moved by a slow receiver. */
    WebhookReceiver onEachRequest(Runnable action) {
        onEachRequest = action;
        return this;
    }

    synchronized WebhookReceiver neverAnswer() {
        script.add(new Silence());
        return this;
    }

    synchronized WebhookReceiver hangUp() {
        script.add(new Hangup());
        return this;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The only request received. */
    Received one() {
        List<Received> all = received();
        if (all.size() != 1) {
            throw new AssertionError(all.size() + " requests received, one expected");
        }
        return all.get(0);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private synchronized Answer next() {
        if (script.isEmpty()) {
            return new Reply(200, "ok", Map.of());
        }
        return script.size() > 1 ? script.poll() : script.peek();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body));
        onEachRequest.run();
        Answer answer = next();
        if (answer instanceof Silence) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        } else if (answer instanceof Hangup) {
            // the server drops the connection of a handler that throws before answering
            throw new IOException("hanging up, as scripted");
        } else if (answer instanceof Reply reply) {
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }
    }
}
