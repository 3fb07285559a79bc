package dev.closeout.postmortem.extraction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden files: small synthetic postmortems, one per input pattern, under
 * {@code src/test/resources/extraction/actions/}. Each NAME.expected holds one action a line as
 * {@code kind | group | owner | due | priority | ticket | text}, '-' for none.
 */
class ActionExtractorGoldenTest {

    private final DocumentReader reader = new DocumentReader();
    private final ActionExtractor extractor = new ActionExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"holberton-lead-ins.md", "sre-tables.md", "plain-text.txt", "freeform-prose.md",
            "broken-markdown.md", "confluence.html"})
    void extractsTheExpectedActions(String file) throws IOException {
        String name = file.substring(0, file.lastIndexOf('.'));
        List<ExtractedAction> actions = extractor.extract(reader.read(resource(file)));

        List<String> got = new ArrayList<>();
        for (ExtractedAction action : actions) {
            got.add(String.join(" | ", action.kind(), orDash(action.group()), orDash(action.owner()),
                    orDash(action.due() == null ? null : action.due().toString()), orDash(action.priority()),
                    orDash(action.ticket()), action.text()));
        }
        List<String> expected = resource(name + ".expected").lines().filter(line -> !line.isBlank()).toList();
        assertEquals(String.join("\n", expected), String.join("\n", got));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = ActionExtractorGoldenTest.class.getResourceAsStream("/extraction/actions/" + file)) {
            if (in == null) {
                throw new IOException("missing test resource " + file);
            }
            return TextDecoding.decode(in.readAllBytes());
        }
    }
}
