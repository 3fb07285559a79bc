package dev.closeout.cli;

import dev.closeout.postmortem.ImportOutcome;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports through a Closeout server's API ({@code POST /api/postmortems}, JSON {@code {source, text}}).
 * Connection failures, timeouts, 429 and 503 are tried again with growing pauses: an import is
 * idempotent by content hash, so a repeat never doubles a postmortem.
 */
final class ServerImport implements ImportTarget {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Extraction takes well under a second; a minute covers a busy server and a slow network. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final int ATTEMPTS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String token;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.createDefault();

    ServerImport(String server, String token) {
        this.endpoint = URI.create(server.replaceAll("/+$", "") + "/api/postmortems");
        this.token = token;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    @Override
    public Imported send(String source, String text) throws ImportFailure {
        Map<String, String> body = new HashMap<>();
        body.put("source", source);
        body.put("text", text);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new ImportFailure("cannot write the request: " + e.getMessage());
        }
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == ATTEMPTS;
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (last) {
                    throw new ImportFailure("cannot reach " + endpoint + " (" + describe(e) + ")");
                }
                pause(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportFailure("interrupted");
            }
            int status = response.statusCode();
            if ((status == 429 || status == 503) && !last) {
                pause(retryAfter(response).orElse(backoff(attempt)));
                continue;
            }
            return answer(response);
        }
    }

    private Imported answer(HttpResponse<byte[]> response) throws ImportFailure {
        int status = response.statusCode();
        Map<String, Object> body = parse(response.body());
        if (status != 200 && status != 201) {
            Object detail = body.get("detail");
            throw new ImportFailure("HTTP " + status + (detail == null ? "" : ": " + detail));
        }
        ImportOutcome outcome = status == 201 ? ImportOutcome.IMPORTED
                : body.get("reimport") != null ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED;
        Object id = body.get("id");
        Object actions = body.get("actions");
        if (!(id instanceof Number number)) {
            throw new ImportFailure("HTTP " + status + " without a postmortem id");
        }
        return new Imported(outcome, number.longValue(), actions instanceof List<?> list ? list.size() : 0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(byte[] body) {
        try {
            Object value = json.readValue(body, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IOException | RuntimeException notJson) {
            return Map.of();
        }
    }

    private static Duration backoff(int attempt) {
        return FIRST_PAUSE.multipliedBy(1L << (attempt - 1));
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(value.trim()));
                return Optional.of(asked.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : asked);
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        });
    }

    private static void pause(Duration pause) throws ImportFailure {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("interrupted");
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient of Java 17 has no close; its threads end with the JVM
    }
}
