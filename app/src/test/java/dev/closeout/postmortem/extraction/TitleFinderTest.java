package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TitleFinderTest {

    private static String title(String text) {
        return new TitleFinder().find(new DocumentReader().read(text));
    }

    @Test
    void readsAPlainFirstLineThatNamesAPostmortemReport() {
        assertEquals("Postmortem Report: Server Hack Incident",
                title("Postmortem Report: Server Hack Incident \n\n\nIssue Summary:\n\nThe server was hacked.\n"));
    }

    @Test
    void dropsTheQuotesAndEmphasisAroundATitle() {
        assertEquals("Emoji-geddon: The Great Emoji Escape",
                title("\"Emoji-geddon: The Great Emoji Escape\"\n\"The day our emails lost their smiles!\"\n"));
        assertEquals("When WSL2 Had Too Much Sauce: A Comedy",
                title("** *When WSL2 Had Too Much Sauce: A Comedy* **\n\nLadies and gentlemen, it broke.\n"));
    }

    @Test
    void readsANoBreakSpaceAsASpace() {
        assertEquals("A Postmortem Project Example", title("# A Postmortem Project\u00A0Example\n\n## Introduction\n"));
    }

    @Test
    void aFirstHeadingThatOpensAFieldIsNoTitle() {
        assertNull(title("### Outage : \nInability to log in.\n\n### Duration:\nOne hour.\n"));
    }

    @Test
    void skipsAReStructuredTextTargetBeforeTheTitle() {
        assertEquals("Incident Reports",
                title(".. _incident_reports:\n\n************************\nIncident Reports\n************************\n\n* 15.07.2020:\n"));
    }
}
