package dev.closeout.bench;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times a list of named requests and prints them as a markdown table; with a {@link SqlRecorder} (a server
 * the bench started) each request runs once more to count its SQL and show each read's EXPLAIN.
 */
public final class RequestBench {

    private final HttpBench http;
    private final @Nullable SqlRecorder recorder;
    private final @Nullable DSLContext dsl;
    private final @Nullable TransactionOperations<Connection> transactions;

    /** With a recorder, also the database and its transactions to read each statement's EXPLAIN in. */
    public RequestBench(HttpBench http, @Nullable SqlRecorder recorder, @Nullable DSLContext dsl,
                        @Nullable TransactionOperations<Connection> transactions) {
        this.http = http;
        this.recorder = recorder;
        this.dsl = dsl;
        this.transactions = transactions;
    }

    public void run(List<BenchRequest> requests, PrintStream out) throws IOException, InterruptedException {
        Map<String, String> values = http.probe();
        BenchPlaceholders placeholders = new BenchPlaceholders(values, LocalDate.now(ZoneOffset.UTC));
        List<ExplainedRequest> explained = new ArrayList<>();
        out.println("| request | median ms | p90 ms | min ms | status | items | bytes | SQL |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (BenchRequest request : requests) {
            String path = placeholders.resolve(request.path());
            HttpBench.Timing timing = http.time(request, path);
            String statements = "";
            if (recorder != null) {
                recorder.drain();
                http.get(path, true);
                List<SqlRecorder.Recorded> recorded = recorder.drain();
                statements = Integer.toString(recorded.size());
                explained.add(new ExplainedRequest(new BenchRequest(request.name(), path), recorded));
            }
            out.printf("| %s | %.1f | %.1f | %.1f | %d | %d | %,d | %s |%n", request.name(), timing.median(),
                    timing.p90(), timing.min(), timing.status(), timing.items(), timing.bytes(), statements);
            out.flush();
        }
        out.println();
        for (BenchRequest request : requests) {
            out.println("- " + request.name() + ": `GET " + placeholders.resolve(request.path()) + "`");
        }
        if (!explained.isEmpty() && transactions != null) {
            // jOOQ's DSLContext here reads through Micronaut's connection of the current transaction
            transactions.executeRead(status -> {
                explained.forEach(request -> request.print(dsl, out));
                return null;
            });
        }
    }
}
