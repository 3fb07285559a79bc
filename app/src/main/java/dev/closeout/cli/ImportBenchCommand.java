package dev.closeout.cli;

import io.micronaut.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times {@code POST /api/postmortems/batch}: the files sent in batches by a few clients at once, as an
 * import script would, reporting postmortems and follow-ups per second.
 */
@Command(name = "import", description = "Time POST /api/postmortems/batch with the given files (docs/benchmarks.md).")
class ImportBenchCommand implements Callable<Integer> {

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The Closeout to import into.")
    private URI server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "An editor token; defaults to the environment variable " + ServerOptions.TOKEN_VARIABLE + ".")
    private String token;

    @Option(names = "--batch", defaultValue = "100", description = "Postmortems per request (default 100).")
    private int batch;

    @Option(names = "--clients", defaultValue = "1", description = "Requests in flight at once (default 1).")
    private int clients;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Postmortem files or directories.")
    private List<Path> paths;

    private record Sent(int items, int imported, int unchanged, int failed, int actions) {
    }

    @Override
    public Integer call() throws Exception {
        String apiToken = token != null ? token : System.getenv(ServerOptions.TOKEN_VARIABLE);
        if (apiToken == null || apiToken.isBlank()) {
            System.err.println("closeout: --token or " + ServerOptions.TOKEN_VARIABLE + " is needed");
            return 2;
        }
        List<Map<String, String>> items = new ArrayList<>();
        for (PostmortemPaths.Found found : PostmortemPaths.collect(paths)) {
            items.add(Map.of("source", found.path().toString(), "text", PostmortemFiles.read(found.path())));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JsonMapper json = JsonMapper.createDefault();
        URI endpoint = server.resolve("/api/postmortems/batch");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<List<Sent>>> work = new ArrayList<>();
        for (int worker = 0; worker < clients; worker++) {
            work.add(pool.submit(() -> {
                List<Sent> sent = new ArrayList<>();
                for (int from = next.getAndAdd(batch); from < items.size(); from = next.getAndAdd(batch)) {
                    List<Map<String, String>> slice = items.subList(from, Math.min(items.size(), from + batch));
                    HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + apiToken)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(slice))).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() != 200) {
                        throw new IOException("HTTP " + answer.statusCode() + ": " + new String(answer.body(),
                                StandardCharsets.UTF_8));
                    }
                    sent.add(summary(json, answer.body(), slice.size()));
                }
                return sent;
            }));
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<List<Sent>> done : work) {
            sent.addAll(done.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        int imported = sent.stream().mapToInt(Sent::imported).sum();
        int actions = sent.stream().mapToInt(Sent::actions).sum();
        System.out.printf("%d postmortems (%d imported, %d unchanged, %d failed), %d follow-ups in %.1f s: "
                        + "%.0f postmortems/s, %.0f follow-ups/s (batches of %d, %d client(s))%n", items.size(), imported,
                sent.stream().mapToInt(Sent::unchanged).sum(), sent.stream().mapToInt(Sent::failed).sum(), actions,
                seconds, items.size() / seconds, actions / seconds, batch, clients);
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Sent summary(JsonMapper json, byte[] body, int items) throws IOException {
        Map<String, Object> result = json.readValue(body, Map.class);
        int actions = 0;
        for (Object item : (List<Object>) result.get("items")) {
            Object count = ((Map<String, Object>) item).get("actions");
            actions += count instanceof Number number ? number.intValue() : 0;
        }
        return new Sent(items, ((Number) result.get("imported")).intValue(), ((Number) result.get("unchanged")).intValue(),
                ((Number) result.get("failed")).intValue(), actions);
    }
}
