package dev.closeout.cli;

import dev.closeout.bench.BenchRequest;
import dev.closeout.bench.HttpBench;
import dev.closeout.bench.RequestBench;
import dev.closeout.bench.SqlRecorder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** Benchmarks against a database of realistic size (docs/benchmarks.md). */
@Command(name = "bench", description = "Benchmarks (docs/benchmarks.md).",
        subcommands = {BenchCommand.Requests.class, ImportBenchCommand.class})
class BenchCommand {

    @Command(name = "requests", description = {
            "Time named GETs (the list in bench-requests.txt and --requests files): the median of --runs after "
                    + "--warmup, printed as a markdown table.",
            "Without --server it starts the service on the configured database itself, and with --explain also "
                    + "prints the SQL each request ran and its EXPLAIN."})
    static class Requests implements Callable<Integer> {

        @Option(names = "--server", paramLabel = "URL", description = "A running Closeout to time instead.")
        private URI server;

        @Option(names = "--token", paramLabel = "TOKEN",
                description = "A reader token for --server; defaults to the environment variable "
                        + ServerOptions.TOKEN_VARIABLE + ".")
        private String token;

        @Option(names = "--requests", paramLabel = "FILE", description = "More 'name | /path' lines to time.")
        private List<Path> files = new ArrayList<>();

        @Option(names = "--only", paramLabel = "REGEX", description = "Only the requests whose name matches.")
        private Pattern only;

        @Option(names = "--no-defaults", description = "Leave out the default list.")
        private boolean noDefaults;

        @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first (default 3).")
        private int warmup;

        @Option(names = "--runs", defaultValue = "11", description = "Timed runs (default 11).")
        private int runs;

        @Option(names = "--explain", description = "Print each request's SQL and EXPLAIN (not with --server).")
        private boolean explain;

        @Override
        public Integer call() throws IOException, InterruptedException {
            List<BenchRequest> requests = new ArrayList<>(noDefaults ? List.of() : BenchRequest.defaults());
            for (Path file : files) {
                requests.addAll(BenchRequest.read(file));
            }
            if (only != null) {
                requests.removeIf(request -> !only.matcher(request.name()).find());
            }
            if (server != null) {
                if (explain) {
                    System.err.println("closeout: --explain needs the service started by the bench (no --server)");
                    return 2;
                }
                String apiToken = token != null ? token : System.getenv(ServerOptions.TOKEN_VARIABLE);
                if (apiToken == null || apiToken.isBlank()) {
                    System.err.println("closeout: --server needs --token or " + ServerOptions.TOKEN_VARIABLE);
                    return 2;
                }
                new RequestBench(new HttpBench(server, apiToken, warmup, runs), null, null, null).run(requests, System.out);
                return 0;
            }
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String adminToken = HexFormat.of().formatHex(secret);
            try (ApplicationContext context = CommandContext.start(Map.of("micronaut.server.port", -1,
                    "closeout.admin-token", adminToken, SqlRecorder.PROPERTY, explain))) {
                EmbeddedServer embedded = context.getBean(EmbeddedServer.class).start();
                HttpBench http = new HttpBench(embedded.getURI(), adminToken, warmup, runs);
                new RequestBench(http, explain ? context.getBean(SqlRecorder.class) : null,
                        explain ? context.getBean(org.jooq.DSLContext.class) : null,
                        explain ? transactions(context) : null).run(requests, System.out);
                embedded.stop();
            }
            return 0;
        }

        @SuppressWarnings("unchecked")
        private static TransactionOperations<Connection> transactions(ApplicationContext context) {
            return context.getBean(TransactionOperations.class);
        }
    }
}
