package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Pathological inputs: reading a document and finding its actions answers quickly and never throws. */
class ActionExtractorRobustnessTest {

    private static final Duration LIMIT = HangGuard.LIMIT;

    private final Engine extractor = new Engine();

    /** The part of the engine these tests cover: the document reader and the action extractor. */
    private static final class Engine {
        private final DocumentReader reader = new DocumentReader();
        private final ActionExtractor actions = new ActionExtractor();

        List<ExtractedAction> extract(String text) {
            return actions.extract(reader.read(text));
        }
    }

    @Test
    void readsRandomBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(4000)];
            random.nextBytes(bytes);
            assertNotNull(extractor.extract(TextDecoding.decode(bytes)));
        }
    }

    @Test
    void readsAFiveMegabyteLine() {
        String line = "## Action Items\n- " + "fix the **cache *and [the](x) `queue` ".repeat(130_000);
        assertTimeoutPreemptively(LIMIT, () -> assertNotNull(extractor.extract(line)));
        String spaces = "# a" + " ".repeat(5_000_000) + "b\n\n\n";
        assertTimeoutPreemptively(LIMIT, () -> assertNotNull(extractor.extract(spaces)));
    }

    @Test
    void readsAHundredThousandNestedListMarkers() {
        String markers = "## Action Items\n" + "- ".repeat(100_000) + "deep item\n";
        assertTimeoutPreemptively(LIMIT, () -> assertNotNull(extractor.extract(markers)));
        StringBuilder indented = new StringBuilder("## Action Items\n");
        for (int i = 0; i < 100_000; i++) {
            indented.append(" ".repeat(Math.min(i * 2, 40))).append("- item ").append(i).append('\n');
        }
        assertTimeoutPreemptively(LIMIT, () -> assertNotNull(extractor.extract(indented.toString())));
        String quotes = "## Action Items\n" + "> ".repeat(100_000) + "- quoted item\n";
        assertTimeoutPreemptively(LIMIT, () -> assertNotNull(extractor.extract(quotes)));
    }

    @Test
    void readsTenThousandTableColumns() {
        String header = "| Action Item " + "| Owner ".repeat(10_000) + "|\n";
        String separator = "|---".repeat(10_001) + "|\n";
        String row = "| Add an alert " + "| amy ".repeat(10_000) + "|\n";
        String table = "## Action Items\n\n" + header + separator + row;
        List<ExtractedAction> actions = assertTimeoutPreemptively(LIMIT, () -> extractor.extract(table));
        assertEquals("Add an alert", actions.get(0).text());
    }

    @Test
    void readsDeeplyNestedHtml() {
        String html = "<html><body><h2>Action items</h2>" + "<ul><li>".repeat(50_000) + "x"
                + "</li></ul>".repeat(50_000) + "</body></html>";
        assertTimeoutPreemptively(LIMIT, () -> assertNotNull(extractor.extract(html)));
    }
}
