package dev.closeout.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A named GET the bench times: one line {@code name | path} of a request list. The default list is
 * {@code bench-requests.txt} beside this class; {@code --requests FILE} adds more (lines starting with
 * {@code #} are comments). Paths may hold placeholders, see {@link BenchPlaceholders}.
 */
public record BenchRequest(String name, String path) {

    static final String DEFAULTS = "bench-requests.txt";

    /** The requests of the default list. */
    public static List<BenchRequest> defaults() {
        try (InputStream in = BenchRequest.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
    }

    /** The requests of a list file. */
    public static List<BenchRequest> read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    static List<BenchRequest> parse(String text, String origin) {
        List<BenchRequest> requests = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int bar = trimmed.indexOf(" | ");
            if (bar < 0 || !trimmed.substring(bar + 3).strip().startsWith("/")) {
                throw new IllegalArgumentException(origin + ":" + number + ": expected 'name | /path', got '"
                        + trimmed + "'");
            }
            requests.add(new BenchRequest(trimmed.substring(0, bar).strip(), trimmed.substring(bar + 3).strip()));
        }
        return requests;
    }
}
