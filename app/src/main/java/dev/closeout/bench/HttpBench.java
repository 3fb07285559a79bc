package dev.closeout.bench;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times GETs against a running Closeout as a client sees them: wall time from sending the request to the
 * last byte of the answer, over one kept-alive connection, after warm-up runs; the median of the runs is
 * the number to quote (the p90 shows how steady it was).
 */
public final class HttpBench {

    /** The header that asks a server started by the bench to record the SQL of this request. */
    public static final String RECORD_HEADER = "X-Closeout-Bench-Record";

    private static final String SESSION_COOKIE = "closeout_session";

    /** What one request measured; times in milliseconds. */
    public record Timing(BenchRequest request, String path, int status, double median, double p90, double min,
                         int bytes, int items) {
    }

    private final URI server;
    private final String token;
    private final int warmup;
    private final int runs;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.createDefault();
    private String sessionCookie;

    public HttpBench(URI server, String token, int warmup, int runs) {
        this.server = server;
        this.token = token;
        this.warmup = warmup;
        this.runs = runs;
    }

    /** The values of the placeholders that depend on the data ({@link BenchPlaceholders}). */
    public Map<String, String> probe() throws IOException, InterruptedException {
        Map<String, String> values = new HashMap<>();
        List<Map<String, Object>> teams = items(get("/api/teams?limit=1", false).body());
        if (!teams.isEmpty()) {
            String team = (String) teams.get(0).get("key");
            values.put("team", team);
            List<Map<String, Object>> actions = items(get("/api/actions?team=" + team + "&limit=1", false).body());
            if (!actions.isEmpty() && actions.get(0).get("owner") != null) {
                values.put("owner", (String) actions.get(0).get("owner"));
            }
        }
        List<Map<String, Object>> first = items(get("/api/actions?limit=1", false).body());
        List<Map<String, Object>> last = items(get("/api/actions?sort=-id&limit=1", false).body());
        if (!first.isEmpty() && !last.isEmpty()) {
            long low = ((Number) first.get(0).get("id")).longValue();
            long high = ((Number) last.get(0).get("id")).longValue();
            long middle = low + (high - low) / 2;
            values.put("mid-id", Long.toString(middle));
            // the postmortem of the first follow-up from the middle on: a postmortem halfway through the history
            List<Map<String, Object>> mid = items(get("/api/actions?limit=1&cursor="
                    + BenchPlaceholders.cursor("id", Long.toString(middle)), false).body());
            if (!mid.isEmpty()) {
                values.put("mid-postmortem-id", mid.get(0).get("postmortem_id").toString());
            }
        }
        return values;
    }

    /** Runs {@code path} the warm-up times, then the measured times. */
    public Timing time(BenchRequest request, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = null;
        for (int run = 0; run < warmup; run++) {
            answer = get(path, false);
        }
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            answer = get(path, false);
            millis[run] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        int status = answer == null ? 0 : answer.statusCode();
        int bytes = answer == null ? 0 : answer.body().length;
        int items = answer == null || status != 200 ? 0 : itemCount(answer.body());
        return new Timing(request, path, status, percentile(millis, 0.5), percentile(millis, 0.9), millis[0], bytes,
                items);
    }

    /**
     * One GET, marked for the SQL recorder when {@code record}. The API is asked with the token; a page (any path
     * outside {@code /api}) as a browser asks it, with the session cookie signing in with the token gave.
     */
    public HttpResponse<byte[]> get(String path, boolean record) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofMinutes(2)).GET();
        if (path.startsWith("/api/")) {
            builder.header("Authorization", "Bearer " + token).header("Accept", "application/json");
        } else {
            builder.header("Cookie", sessionCookie()).header("Accept", "text/html");
        }
        if (record) {
            builder.header(RECORD_HEADER, "true");
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs in through the login form once, as a person would, and answers the session cookie. */
    private synchronized String sessionCookie() throws IOException, InterruptedException {
        if (sessionCookie == null) {
            HttpRequest login = HttpRequest.newBuilder(server.resolve("/login")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8))).build();
            HttpResponse<Void> answer = client.send(login, HttpResponse.BodyHandlers.discarding());
            sessionCookie = answer.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(SESSION_COOKIE + "="))
                    .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                    .findFirst()
                    .orElseThrow(() -> new IOException("signing in to " + server + " with the token answered "
                            + answer.statusCode() + " and no session cookie"));
        }
        return sessionCookie;
    }

    private int itemCount(byte[] body) {
        try {
            Object parsed = json.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map && map.get("items") instanceof List<?> list) {
                return list.size();
            }
            return parsed instanceof List<?> list ? list.size() : 1;
        } catch (IOException e) {
            // CSV, Markdown, a page: one answer
            return 1;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(byte[] body) throws IOException {
        Map<String, Object> page = json.readValue(body, Map.class);
        Object items = page.get("items");
        return items instanceof List<?> ? (List<Map<String, Object>>) items : List.of();
    }

    private static double percentile(double[] sorted, double share) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
