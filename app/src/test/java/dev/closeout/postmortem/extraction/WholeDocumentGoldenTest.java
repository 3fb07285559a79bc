package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whole synthetic postmortems in layouts the dev corpus lacks (an e-mail, a PIR with a field table, a
 * Confluence export): every field the engine reports, checked end to end.
 */
class WholeDocumentGoldenTest {

    private final PostmortemExtractor extractor = new PostmortemExtractor();

    @Test
    void readsAPlainTextEmailWithHeadingsWithoutMarkup() {
        Extraction got = extract("email-vpn-certificate.txt");

        assertEquals("text", got.mediaType());
        assertEquals("Post-incident review - VPN outage, 2 Feb", got.title());
        assertEquals("corporate VPN", got.service());
        assertEquals(Incident.of(IncidentTime.parse("2023-02-02T09:12:00+01:00"),
                IncidentTime.parse("2023-02-02T10:40:00+01:00"), 88), got.incident());
        assertEquals(60.0, got.impactPercent());
        assertEquals("certificate", got.rootCause().component());
        assertEquals("expiry", got.rootCause().trigger());
        assertEquals("The TLS certificate on the VPN concentrator expired at 09:12.",
                got.rootCause().summary().substring(0, 61));
        assertEquals(List.of("Follow-ups", "Follow-ups", "Follow-ups"),
                got.actions().stream().map(ExtractedAction::group).toList());
        ExtractedAction first = got.actions().get(0);
        assertEquals("Network team", first.owner());
        assertEquals("2023-02-28", first.due().toString());
    }

    @Test
    void readsAnActionTableWithOwnersPrioritiesDuesAndTickets() {
        Extraction got = extract("pir-table-checkout.md");

        assertEquals("Incident PIR: Checkout API latency (INC-2291)", got.title());
        assertEquals("2023-03-14T14:05:00Z", got.incident().start());
        assertEquals("2023-03-14T15:47:00Z", got.incident().end());
        assertEquals(35.0, got.impactPercent());
        assertEquals("database", got.rootCause().component());
        assertEquals("code-change", got.rootCause().trigger());
        assertEquals(List.of(
                new ExtractedAction("Fix the N+1 query in pricing-service order lookup", "corrective",
                        "Action items", "@dana", java.time.LocalDate.of(2023, 3, 21), "P1", "PAY-812", 26),
                new ExtractedAction("Add a query-count regression test to the pricing-service CI pipeline",
                        "preventative", "Action items", "@lee", java.time.LocalDate.of(2023, 4, 4), "P2", "PAY-813",
                        27),
                new ExtractedAction("Alert on connection pool saturation above 80% for the orders database",
                        "preventative", "Action items", "Payments SRE", java.time.LocalDate.of(2023, 4, 11), "P2",
                        "OPS-77", 28)),
                got.actions());
    }

    @Test
    void readsAConfluenceExport() {
        Extraction got = extract("confluence-search-disk.html");

        assertEquals("html", got.mediaType());
        assertEquals("Postmortem: Search cluster disk full", got.title());
        assertEquals("2024-06-03T22:10:00Z", got.incident().start());
        assertEquals(105, got.incident().durationMinutes());
        assertEquals("storage", got.rootCause().component());
        assertEquals(List.of("Re-enable log retention on all data nodes", "Add disk usage alerts at 75% and 90%",
                        "Add a checklist step to the maintenance runbook to verify retention settings"),
                got.actions().stream().map(ExtractedAction::text).toList());
        assertEquals(List.of("corrective", "preventative", "preventative"),
                got.actions().stream().map(ExtractedAction::kind).toList());
    }

    @Test
    void readsChecklistsAndASiblingDetectionSection() {
        Extraction got = extract("checklist-redis-failover.md");

        assertEquals("2022-11-08T07:42:00Z", got.incident().start());
        assertEquals(48, got.incident().durationMinutes());
        assertEquals(12.0, got.impactPercent());
        assertEquals("A memory spike on the Redis primary triggered an automatic failover.",
                got.rootCause().summary().substring(0, 68));
        assertEquals(List.of("Stop running KEYS scans against the primary; use SCAN on a replica instead (@ops-oncall) #4411",
                        "Page on replication lag above 5 seconds",
                        "Document the failover runbook, including how to verify replica lag before promoting",
                        "Add a dashboard panel for Redis memory fragmentation"),
                got.actions().stream().map(ExtractedAction::text).toList());
        assertEquals(List.of("Corrective actions", "Corrective actions", "Corrective actions", "Detection"),
                got.actions().stream().map(ExtractedAction::group).toList());
        assertEquals("@ops-oncall", got.actions().get(0).owner());
        assertEquals("#4411", got.actions().get(0).ticket());
    }

    @Test
    void readsOutageMarkersInATimelineAndStatusWordsInTicketCells() {
        Extraction got = extract("sre-shakespeare.md");

        assertEquals("2015-10-21T14:54:00Z", got.incident().start());
        assertEquals("2015-10-21T16:30:00Z", got.incident().end());
        assertEquals(5, got.actions().size());
        assertEquals(java.util.Arrays.asList(null, "Bug 5554823", null, "Bug 5554824", "Bug 5554825"),
                got.actions().stream().map(ExtractedAction::ticket).toList());
        assertEquals(List.of("jennifer", "martym", "docbrown", "jennifer", "agoogler"),
                got.actions().stream().map(ExtractedAction::owner).toList());
    }

    @Test
    void readsFieldSubItemsAsTheFieldsOfTheirAction() {
        Extraction got = extract("numbered-remediation-fields.md");

        assertEquals("2024-03-05T14:05:00-08:00", got.incident().start());
        assertEquals(135, got.incident().durationMinutes());
        assertEquals(List.of(
                new ExtractedAction("Rotate the leaked API key", "corrective", "Remediation", "Sam",
                        java.time.LocalDate.of(2024, 3, 8), null, null, 9),
                new ExtractedAction("Add secret scanning to CI", "preventative", "Remediation", "Platform team", null,
                        "high", null, 12),
                new ExtractedAction("Train engineers on handling credentials", "preventative", "Remediation", null,
                        null, null, null, 15),
                new ExtractedAction("We will review access to the billing provider dashboard next quarter.",
                        "preventative", "Next steps", null, null, null, null, 18)),
                got.actions());
    }

    @Test
    void readsUnmarkedHeadingsInMarkdownThatHasNoHeadings() {
        Extraction got = extract("plain-headings-replication.md");

        assertEquals("Postmortem Report – MySQL Replication Failure", got.title());
        assertEquals("Binary logs were never purged on db-02 because expire_logs_days was not set.",
                got.rootCause().summary().substring(0, 76));
        org.junit.jupiter.api.Assertions.assertNotEquals("expiry", got.rootCause().trigger(),
                "a setting named expire_logs_days is not an expiry");
        assertEquals(List.of("Set expire_logs_days to 7 on all database servers",
                        "Add disk usage monitoring with alerts at 80%",
                        "Document the binlog purge procedure in the runbook"),
                got.actions().stream().map(ExtractedAction::text).toList());
    }

    @Test
    void readsPlainLeadInsAndACommitmentSentenceButNotTheSignOff() {
        Extraction got = extract("student-lead-ins-signoff.md");

        assertEquals("2024-06-03T14:00:00+01:00", got.incident().start());
        assertEquals("2024-06-03T15:30:00+01:00", got.incident().end());
        assertEquals(70.0, got.impactPercent());
        assertEquals("load-balancer", got.rootCause().component());
        assertEquals(List.of("Things to improve/fix", "Things to improve/fix", "Tasks to address the issue",
                        "Tasks to address the issue", "Tasks to address the issue", "Tasks to address the issue"),
                got.actions().stream().map(ExtractedAction::group).toList());
        assertEquals("To prevent this from happening again, we will also run a monthly game day on the load balancer.",
                got.actions().get(5).text());
    }

    @Test
    void readsAListWrittenAsOneSentenceAndSkipsTheApology() {
        Extraction got = extract("blog-sentence-list.md");

        assertEquals("2025-01-14T09:02:00Z", got.incident().start());
        assertEquals(List.of("alert when the upload job failure rate exceeds 5% for 5 minutes",
                        "add the workers to the key rotation checklist",
                        "run an end-to-end publish test every 10 minutes from outside our network."),
                got.actions().stream().map(ExtractedAction::text).toList());
    }

    @Test
    void takesTheIncidentHeadingUnderAGenericAssignmentHeadingAsTitle() {
        Extraction got = extract("student-generic-heading.md");

        assertEquals("Web Stack Outage Incident Report", got.title());
        assertEquals("2023-10-12T15:45:00-05:00", got.incident().start());
        assertEquals(90, got.incident().durationMinutes());
        assertEquals("certificate", got.rootCause().component());
        assertEquals("expiry", got.rootCause().trigger());
        assertEquals(List.of("Improvements", "Improvements", "Tasks", "Tasks", "Tasks"),
                got.actions().stream().map(ExtractedAction::group).toList());
        assertEquals("Renew the certificate on the standby load balancer.", got.actions().get(2).text());
    }

    @Test
    void readsContributingFactorsAsSentencesAndTicketsLeadingTheirItems() {
        Extraction got = extract("pagerduty-ticket-checklist.md");

        assertEquals("2022-03-09T10:15:00+01:00", got.incident().start());
        assertEquals("2022-03-09T11:02:00+01:00", got.incident().end());
        assertEquals("Cert-manager issuer configured without the full chain. No synthetic check of internal TLS "
                + "endpoints.", got.rootCause().summary());
        assertEquals("certificate", got.rootCause().component());
        assertEquals(List.of("PLAT-311", "PLAT-312", "PLAT-313"),
                got.actions().stream().map(ExtractedAction::ticket).toList());
        assertEquals("@platform-team", got.actions().get(1).owner());
        assertEquals("corrective", got.actions().get(2).kind());
    }

    @Test
    void readsAWindows1252WordExportWithTabBullets() {
        Extraction got = extract("word-export-cp1252.txt");

        assertEquals("Postmortem: Payment gateway timeouts", got.title());
        assertEquals("2021-03-04T08:10:00+02:00", got.incident().start());
        assertEquals(55, got.incident().durationMinutes());
        assertEquals(List.of("Raise the connection pool limit back to 200",
                        "Add a config diff review step for template changes",
                        "Include connection pool size in the review checklist",
                        "Alert on gateway p95 latency above 2s"),
                got.actions().stream().map(ExtractedAction::text).toList());
        assertEquals("corrective", got.actions().get(0).kind());
    }

    @Test
    void combinesTimelineTimesWithTheSummaryDateTheZoneNoteAndMidnight() {
        Extraction got = extract("timeline-midnight-zone-note.md");

        assertEquals("2023-09-07T23:40:00+02:00", got.incident().start());
        assertEquals("2023-09-08T00:50:00+02:00", got.incident().end());
        assertEquals(70, got.incident().durationMinutes());
        assertEquals("storage", got.rootCause().component());
        assertEquals("resource-exhaustion", got.rootCause().trigger());
    }

    private Extraction extract(String name) {
        try (InputStream in = getClass().getResourceAsStream("/extraction/" + name)) {
            return extractor.extract(TextDecoding.decode(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
