package dev.closeout.cli;

import com.sun.net.httpserver.HttpServer;
import dev.closeout.support.ApiTestBase;
import dev.closeout.support.Corpus;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import --server}: files go through the API of a running Closeout, here the one this test starts. */
class ImportCommandServerTest extends ApiTestBase {

    @Inject
    EmbeddedServer server;

    @TempDir
    Path postmortems;

    String editor;

    @BeforeEach
    void setUp() throws IOException {
        editor = token("importer", "editor");
        Files.writeString(postmortems.resolve("exapp.md"), Corpus.read(Corpus.SEED_LB_ROUTING));
        Files.createDirectories(postmortems.resolve("older"));
        Files.writeString(postmortems.resolve("older/exampleapp.markdown"), Corpus.read(Corpus.SEED_EXAMPLEAPP));
        Files.writeString(postmortems.resolve("older/notes.pdf"), "not a postmortem");
    }

    @Test
    void importsADirectoryThroughTheApiAndSkipsWhatItHas() throws IOException {
        CommandLineRun first = run("--token", editor, postmortems.toString());
        Path exapp = postmortems.resolve("exapp.md");
        Files.writeString(exapp, Files.readString(exapp).replace("- **Tasks:**",
                "- **Tasks:**\n  - Page the on-call engineer when one backend server takes most of the traffic."));
        CommandLineRun second = run("--token", editor, postmortems.toString());

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("2 imported, 0 updated, 0 unchanged, 0 failed"), first.out());
        assertEquals(List.of("[1/2] " + exapp, "[2/2] " + postmortems.resolve("older/exampleapp.markdown")),
                first.err().lines().toList());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("0 imported, 1 updated, 1 unchanged, 0 failed"), second.out());
        List<Map<String, Object>> stored = list(getJson("/api/postmortems").get("items"));
        assertEquals(2, stored.size());
        assertEquals(exapp.toString(), stored.get(1).get("source"));
        assertEquals(8, stored.get(1).get("action_count"));
        assertFalse(first.out().contains(editor) || first.err().contains(editor), "the token is never printed");
    }

    @Test
    void aRefusedTokenFailsEveryFileWithItsReasonAndExitsTwo() {
        String reader = token("dashboard", "reader");

        CommandLineRun run = run("--token", reader, postmortems.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("0 imported, 0 updated, 0 unchanged, 2 failed"), run.out());
        assertTrue(run.err().contains("failed    " + postmortems.resolve("exapp.md") + ": HTTP 403"), run.err());
        assertFalse(run.err().contains(reader), "the token is never printed");
        assertEquals(List.of(), getJson("/api/postmortems").get("items"));
    }

    @Test
    void withoutATokenItRefusesToStart() {
        CommandLineRun run = CommandLineRun.of("import", "--server", server.getURL().toString(), postmortems.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--server needs --token or the environment variable CLOSEOUT_TOKEN"), run.err());
    }

    @Test
    void aBusyServerIsAskedAgain() throws IOException {
        // answers 503 first, then hands the request on to the real server's answer shape
        List<Integer> answered = new ArrayList<>();
        HttpServer busy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        busy.createContext("/api/postmortems", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean first = answered.isEmpty();
            answered.add(first ? 503 : 201);
            byte[] body = (first ? "{\"detail\":\"busy\"}" : "{\"id\":7,\"actions\":[{},{}],\"reimport\":null}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "0");
            exchange.sendResponseHeaders(first ? 503 : 201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        busy.start();
        try {
            CommandLineRun run = CommandLineRun.of("import", "--server",
                    "http://127.0.0.1:" + busy.getAddress().getPort(), "--token", "any",
                    postmortems.resolve("exapp.md").toString());

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(List.of(503, 201), answered);
            assertTrue(run.out().contains("imported  " + postmortems.resolve("exapp.md") + " -> postmortem 7, 2 actions"),
                    run.out());
        } finally {
            busy.stop(0);
        }
    }

    private CommandLineRun run(String... arguments) {
        List<String> all = new ArrayList<>(List.of("import", "--server", server.getURL().toString()));
        all.addAll(List.of(arguments));
        return CommandLineRun.of(all.toArray(String[]::new));
    }
}
