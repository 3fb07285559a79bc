package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class IncidentFactsExtractorTest {

    private static IncidentFacts facts(String text) {
        return new IncidentFactsExtractor().extract(new DocumentReader().read(text));
    }

    @Test
    void takesTheTitleFromFrontMatter() {
        assertEquals("Postmortem Incident 4", facts("---\ntitle: Postmortem Incident 4\nslug: /pm-4\n---\n\nText\n").title());
    }

    @Test
    void takesTheFirstHeadingAsTitle() {
        assertEquals("Outage of the API", facts("# **Outage of the API**\n## Summary\nText\n").title());
    }

    @Test
    void takesTheLongerTitleAfterAGenericFirstLine() {
        assertEquals("Postmortem: Website Outage on August 1, 2024",
                facts("Postmortem\nPostmortem: Website Outage on August 1, 2024\nIssue Summary\nText.\n").title());
    }

    @Test
    void hasNoTitleWhenTheTextStartsWithAField() {
        assertNull(facts("Status: final\n\n## Summary\nText\n").title());
    }

    @Test
    void readsTheImpactPercentageAboutUsers() {
        assertEquals(80.0, facts("Impact: Approximately 80% of users were affected, 20% saw slowness.\n").impactPercent());
        assertEquals(100.0, facts("The issue affected 100% of traffic to the application.\n").impactPercent());
    }

    @Test
    void ignoresPercentagesAboutOtherThings() {
        assertNull(facts("Observed a 33% disk space recovery after 15 minutes.\n").impactPercent());
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            facts(TextDecoding.decode(bytes));
        }
    }

    @Test
    void answersAFiveMegabyteLine() {
        String line = "12:00 - 2024-01-01 ** Jan 3 UTC+ 5 pm _ ".repeat(5_000_000 / 40);
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> facts("Duration: " + line + "\n"));
    }
}
