package dev.closeout.postmortem.extraction;

import dev.closeout.support.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostmortemExtractorTest {

    private final PostmortemExtractor extractor = new PostmortemExtractor();

    @Test
    void takesTheLeafItemsOfTheActionSectionGroupedByTheirLeadIns() {
        Extraction extraction = extractor.extract(Corpus.read(Corpus.SEED_LB_ROUTING));

        assertEquals("Postmortem: Service Outage on ExApp", extraction.title());
        assertEquals(List.of("Improvements Needed", "Improvements Needed", "Improvements Needed",
                "Tasks", "Tasks", "Tasks", "Tasks"), extraction.actions().stream().map(ExtractedAction::group).toList());
        assertEquals("Add alerts for traffic distribution anomalies and server load imbalances.",
                extraction.actions().get(5).text());
    }

    @Test
    void ignoresListsOutsideTheActionSection() {
        String text = """
                # Outage
                ## Timeline
                - 10:00 alert fired
                - 10:05 engineer paged
                ## Resolution
                - Reverted the config
                ## Action items
                - Add a config linter
                ## What went well
                - Fast paging
                """;

        List<ExtractedAction> actions = extractor.extract(text).actions();

        assertEquals(List.of("Add a config linter"), actions.stream().map(ExtractedAction::text).toList());
        assertEquals("Action items", actions.get(0).group());
    }

    @Test
    void startsASectionAtABoldLeadInAndEndsItAtTheNextHeading() {
        String text = """
                # Outage
                Some prose.

                **Tasks:**
                - Patch the nginx config
                - Write a runbook for port changes
                # Appendix
                - not an action
                """;

        List<ExtractedAction> actions = extractor.extract(text).actions();

        assertEquals(2, actions.size());
        assertEquals("Tasks", actions.get(0).group());
        assertEquals("corrective", actions.get(0).kind());
        assertEquals("preventative", actions.get(1).kind());
    }

    @Test
    void joinsWrappedItemsAndStripsMarkupAndRecordsTheirLine() {
        String text = """
                # Outage

                ## Corrective measures
                - **Rotate** the `db` credentials
                  before the next release
                - Second item
                """;

        List<ExtractedAction> actions = extractor.extract(text).actions();

        assertEquals("Rotate the db credentials before the next release", actions.get(0).text());
        assertEquals(4, actions.get(0).line());
        assertEquals(6, actions.get(1).line());
        assertEquals("corrective", actions.get(1).kind());
    }

    @Test
    void aDocumentWithoutActionsYieldsNone() {
        Extraction extraction = extractor.extract("Just a paragraph about an outage.\n");

        assertEquals(List.of(), extraction.actions());
        assertEquals(null, extraction.title());
    }
}
