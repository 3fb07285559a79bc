package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RootCauseExtractorTest {

    private final DocumentReader reader = new DocumentReader();
    private final RootCauseExtractor extractor = new RootCauseExtractor();

    private RootCause extract(String text) {
        return extractor.extract(reader.read(text));
    }

    @Test
    void readsTheRootCauseSectionWithoutItsResolution() {
        RootCause cause = extract("""
                # Outage
                ## Summary
                The site was down.
                ## Root Cause and Resolution
                **Root Cause:** The SSL certificate expired because renewal was never automated. Users could not connect.

                **Resolution:** We rolled back the last deploy and restarted nginx.
                ## Action Items
                - Automate renewal
                """);

        assertEquals("The SSL certificate expired because renewal was never automated. Users could not connect.",
                cause.summary());
        assertEquals("certificate", cause.component());
        assertEquals("expiry", cause.trigger());
    }

    @Test
    void takesARootCauseBulletInTheSummary() {
        RootCause cause = extract("""
                ### Issue Summary
                - **Duration:** 2 hours
                - **Root Cause:** A misconfigured firewall blocked port 80.
                ### Timeline
                - 10:00 we first suspected the database
                """);

        assertEquals("A misconfigured firewall blocked port 80.", cause.summary());
        assertEquals("network", cause.component());
        assertEquals("configuration-change", cause.trigger());
    }

    @Test
    void takesTheLinesUnderALeadInStandingAlone() {
        RootCause cause = extract("""
                Issue Summary:
                The API returned 500 errors.

                Root Cause:
                The database server's disk filled up with temporary files.

                Resolution:
                We cleaned the disk.
                """);

        assertEquals("The database server's disk filled up with temporary files.", cause.summary());
        assertEquals("storage", cause.component());
        assertEquals("resource-exhaustion", cause.trigger());
    }

    @Test
    void fallsBackToContributingFactorsAndTheSummary() {
        RootCause cause = extract("""
                # Ingress outage
                ## Summary
                A misconfiguration of the new ingress controller dropped forwarded headers.
                ## Contributing Factors
                - The change was not reviewed by a second engineer.
                ## Action Items
                - Review ingress changes
                """);

        assertEquals("The change was not reviewed by a second engineer.", cause.summary().replaceFirst("^- ", ""));
        assertEquals("load-balancer", cause.component());
        assertEquals("configuration-change", cause.trigger());
    }

    @Test
    void readsAPostmortemWithNoHeadingsFromItsOpening() {
        RootCause cause = extract("Between 21:00 and 07:00 our website ran with expired TLS certificates.\n\n"
                + "The renewal job relied on an external service that was discontinued.");

        assertEquals("certificate", cause.component());
        assertEquals("expiry", cause.trigger());
    }

    @Test
    void dropsTemplatePromptsFromTheSummary() {
        RootCause cause = extract("""
                ## Root Causes
                _What caused this situation?_ A release removed the CSS height of the map.
                """);

        assertEquals("A release removed the CSS height of the map.", cause.summary());
        assertEquals("application", cause.component());
        assertEquals("code-change", cause.trigger());
    }

    @Test
    void aPostmortemWithoutAnyEvidenceOfItsCauseHasNoComponentOrTrigger() {
        RootCause cause = extract("""
                # Friday review
                ## Summary
                We met on Friday afternoon and went over the notes from the week.
                ## Action items
                - Send the notes to everyone
                """);

        assertNull(cause.component());
        assertNull(cause.trigger());
        assertEquals("We met on Friday afternoon and went over the notes from the week.", cause.summary());
    }

    @Test
    void aCueInTheSummaryIsEvidenceWithoutARootCauseSection() {
        RootCause cause = extract("""
                # Friday outage
                ## Summary
                A misconfigured firewall blocked port 80.
                """);

        assertEquals("network", cause.component());
        assertEquals("configuration-change", cause.trigger());
    }

    @Test
    void aRootCauseSectionIsEvidenceEvenWhenItNamesNoClass() {
        RootCause cause = extract("""
                # Friday review
                ## Root cause
                We met on Friday afternoon and went over the notes from the week.
                """);

        assertNotNull(cause.component());
        assertNotNull(cause.trigger());
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[random.nextInt(4_000)];
            random.nextBytes(bytes);
            RootCause cause = extract(new String(bytes, StandardCharsets.ISO_8859_1));
            // random bytes rarely hold a cue: no class, or one of the taxonomy's
            assertTrue(cause.component() == null || Taxonomy.COMPONENTS.contains(cause.component()), cause.component());
            assertTrue(cause.trigger() == null || Taxonomy.TRIGGERS.contains(cause.trigger()), cause.trigger());
            assertNotNull(extractor.classify(new String(bytes, StandardCharsets.UTF_8)).trigger());
        }
    }

    @Test
    void answersAHugeDocument() {
        String paragraph = "## Root Cause\nThe load balancer was misconfigured, causing errors. Root Cause: "
                + "the disk filled up (no space left) and the cache was not the cause; ... ... ---\n";
        String huge = paragraph.repeat(20_000);
        RootCause cause = assertTimeoutPreemptively(HangGuard.LIMIT, () -> extract(huge));

        assertNotNull(cause.summary());
    }
}
