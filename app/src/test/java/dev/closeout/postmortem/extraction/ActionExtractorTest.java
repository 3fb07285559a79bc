package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One behaviour of the action reading each, on the kind of snippet postmortems are written in. */
class ActionExtractorTest {

    private static List<ExtractedAction> actions(String text) {
        return new ActionExtractor().extract(new DocumentReader().read(text));
    }

    private static List<String> texts(String text) {
        return actions(text).stream().map(ExtractedAction::text).toList();
    }

    @Test
    void readsAListIndentedStraightUnderAHeadingAsAList() {
        String text = """
                ## Corrective and Preventative Measures:

                ### Improvements/Fixes:
                    - Strengthen monitoring: Enhance monitoring to detect replication lag.
                    - Documentation: Maintain up-to-date replication runbooks.
                """;

        assertEquals(List.of("Strengthen monitoring: Enhance monitoring to detect replication lag.",
                "Documentation: Maintain up-to-date replication runbooks."), texts(text));
    }

    @Test
    void namesOfPartsUnderAnEmptyLeadInListWorkUntilASectionWordOpensALeadIn() {
        String text = """
                Corrective and Preventative Measures:

                Improved Cron Job Management:

                Implement stricter review for new cron jobs.

                Enhanced Monitoring:

                Configure alerts for anomalous disk I/O activity.

                Automated Recovery Procedures:

                Implement automated database failover to a secondary server.

                Lessons Learned:

                Thorough code review and testing: Carefully testing cron jobs can prevent such errors.
                """;

        List<ExtractedAction> actions = actions(text);

        assertEquals(List.of("Implement stricter review for new cron jobs.",
                "Configure alerts for anomalous disk I/O activity.",
                "Implement automated database failover to a secondary server."),
                actions.stream().map(ExtractedAction::text).toList());
        assertEquals("Enhanced Monitoring", actions.get(1).group());
    }

    @Test
    void readsTheDeadlineLineUnderAnActionAsItsDueDate() {
        String text = """
                Tasks:

                Load Balancer Configuration Review:
                    Task: Perform a detailed audit of load balancer configurations.
                    Deadline: December 22, 2023.

                Monitoring Enhancement:
                    Task: Alert on uneven traffic distribution.
                    Deadline: December 20, 2023.
                """;

        List<ExtractedAction> actions = actions(text);

        assertEquals(List.of("Task: Perform a detailed audit of load balancer configurations.",
                "Task: Alert on uneven traffic distribution."), actions.stream().map(ExtractedAction::text).toList());
        assertEquals(List.of(LocalDate.of(2023, 12, 22), LocalDate.of(2023, 12, 20)),
                actions.stream().map(ExtractedAction::due).toList());
        assertEquals("Monitoring Enhancement", actions.get(1).group());
    }

    @Test
    void aFollowUpTimelineIsATimeline() {
        String text = """
                ## Follow-up timeline

                ### 8:20 PM
                Primary engineer acknowledges report.

                ## Action Items
                - [ ] Write an incident report
                """;

        assertEquals(List.of("Write an incident report"), texts(text));
    }

    @Test
    void aBareLinkToAnIssueIsAnActionAndALinkToAPullRequestIsDoneWork() {
        String text = """
                ## Action items

                * https://github.com/example/node/issues/95
                * https://github.com/example/node/issues/97

                ### Fixes

                * [example/plugins#1127](https://github.com/example/plugins/pull/1127)
                * [example/website#2310](https://github.com/example/website/pull/2310)

                https://github.com/example/engine/pull/52370
                """;

        List<ExtractedAction> actions = actions(text);

        assertEquals(List.of("https://github.com/example/node/issues/95", "https://github.com/example/node/issues/97"),
                actions.stream().map(ExtractedAction::text).toList());
        assertEquals("https://github.com/example/node/issues/95", actions.get(0).ticket());
    }

    @Test
    void readsCrossRepositoryReferencesAndGoogleBugsAsTickets() {
        String text = """
                ## Action items

                * [example/app#27110](https://github.com/example/app/issues/27110) - Test the plugins on CI
                * P1 Add a screenshot test as described in b/343765967
                """;

        assertEquals(List.of("example/app#27110", "b/343765967"),
                actions(text).stream().map(ExtractedAction::ticket).toList());
    }

    @Test
    void readsHtmlListItemsWrittenInsideMarkdown() {
        String text = """
                ## Corrective and Preventative Measures

                ### Tasks:
                <ol><li>Implement stricter controls on database connection limits.</li>
                <li>Schedule a training session on connection management.</li></ol>
                """;

        assertEquals(List.of("Implement stricter controls on database connection limits.",
                "Schedule a training session on connection management."), texts(text));
    }

    @Test
    void proseAfterTheListedWorkCommentsOnIt() {
        String text = """
                ## Corrective and Preventative Measures

                1. Patch the Nginx configuration to raise the file limit.
                2. Integrate load tests into the CI pipeline.

                ---

                This incident serves as a reminder of the importance of proactive configuration.
                """;

        assertEquals(List.of("Patch the Nginx configuration to raise the file limit.",
                "Integrate load tests into the CI pipeline."), texts(text));
    }

    @Test
    void readsThePromisesOfAProseParagraphThatOpensByAnnouncingWork() {
        String text = """
                Postmortem: Login Outage

                The load balancer was not routing authentication requests. We corrected its configuration at 17:00.

                To execute these improvements, specific tasks have been outlined. A review of load balancer settings \
                will be conducted. Monitoring systems will be enhanced to alert on misconfigurations. Our engineers \
                must always stay curious.
                """;

        List<ExtractedAction> actions = actions(text);

        assertEquals(List.of("A review of load balancer settings will be conducted.",
                "Monitoring systems will be enhanced to alert on misconfigurations."),
                actions.stream().map(ExtractedAction::text).toList());
        assertEquals("To execute these improvements, specific tasks have been outlined.", actions.get(0).group());
    }

    @Test
    void workTheListMarksDoneWasTheFixOfThisIncident() {
        String text = """
                * ToDo:
                    * Enable the time server in the exam image and recopy it [DONE]
                    * Enable automated image builds with the time server checked
                """;

        assertEquals(List.of(ActionKind.CORRECTIVE, ActionKind.PREVENTATIVE),
                actions(text).stream().map(ExtractedAction::kind).toList());
    }

    @Test
    void aNumberedHeadingUnderActionItemsIsOneActionAndItsProseDescribesIt() {
        String text = """
                # Action items

                ### 1) Streaming processes reduced `@dma` [repair]

                Reduced the number of streaming processes on the host from 16 to 12.

                ### 2) Better alerting on CPU load `@dma` [detect]

                We should alert on CPU load on every host.
                """;

        List<ExtractedAction> actions = actions(text);

        assertEquals(List.of("Streaming processes reduced @dma [repair]", "Better alerting on CPU load @dma [detect]"),
                actions.stream().map(ExtractedAction::text).toList());
        assertEquals("@dma", actions.get(1).owner());
    }

    @Test
    void aHeadingNamedSomeActionsListsOnlyWhatItCommitsTo() {
        String text = """
                ## Next Actions
                - Add a canary stage to the release pipeline
                - Restarted the web servers at 10:05
                """;

        assertEquals(List.of("Add a canary stage to the release pipeline"), texts(text));
    }

    @Test
    void workOnAProcessIsPreventativeAndOnANamedConfigurationOrScriptCorrective() {
        String text = """
                ## Action Items
                - Improve the database query review process before deployments
                - Update the nginx configuration file to listen on port 80
                - Update the certificate renewal scripts to check write permissions
                """;

        assertEquals(List.of(ActionKind.PREVENTATIVE, ActionKind.CORRECTIVE, ActionKind.CORRECTIVE),
                actions(text).stream().map(ExtractedAction::kind).toList());
    }

    @Test
    void aTaskBoxWithItemsUnderItIsWorkAndSoIsEachItem() {
        String text = """
                ## Action Items

                - [ ] write an incident report
                - [ ] hold an internal retrospective https://github.com/example/meta/issues/2194
                  - https://github.com/example/infrastructure/issues/6105
                """;

        List<ExtractedAction> actions = actions(text);

        assertEquals(List.of("write an incident report",
                "hold an internal retrospective https://github.com/example/meta/issues/2194",
                "https://github.com/example/infrastructure/issues/6105"),
                actions.stream().map(ExtractedAction::text).toList());
        assertEquals("Action Items", actions.get(2).group());
    }

    @Test
    void aStatementVerbInsideAClauseOfTheWorkDoesNotMakeItADescription() {
        String text = """
                ## Proactive Measures

                We can create a bounty for a widget that is configured to verify the keys.

                The old widget was slow.
                """;

        assertEquals(List.of("We can create a bounty for a widget that is configured to verify the keys."), texts(text));
    }

    @Test
    void lessonsUnderAnActionSectionKeepOnlyTheirCommitments() {
        String text = """
                ## Next steps

                1. Page on error budget burn instead of raw error counts.

                ### Lessons learned

                - Monitoring the queue depth would have caught this earlier.
                - Add queue depth to the on-call dashboard.
                """;

        assertEquals(List.of("Page on error budget burn instead of raw error counts.",
                "Add queue depth to the on-call dashboard."), texts(text));
    }

    @Test
    void aSentenceLeadInAfterAListOpensANewListOfWork() {
        String text = """
                ## Corrective and Preventative Measures

                * Add a health check on the backend pool.

                Things we will do better:
                Better communication with the support team during incidents
                """;

        assertEquals(List.of("Add a health check on the backend pool.",
                "Better communication with the support team during incidents"), texts(text));
    }

    @Test
    void readsPreventingAndRemediationsAsActionHeadings() {
        String text = """
                ## Preventing recurrence

                - Shard the orders table.

                ## Remediations

                1. Rate-limit the search endpoint.
                """;

        assertEquals(List.of("Shard the orders table.", "Rate-limit the search endpoint."), texts(text));
    }

    @Test
    void takesTheTicketAnItemLinksToWhenItsTextNamesNone() {
        String text = """
                ## Action items

                - Pin package versions in the image ([Issue](https://github.com/example/hub/issues/12))
                - Test the image on staging, see PLAT-7 ([notes](https://example.org/notes))
                """;

        assertEquals(List.of("https://github.com/example/hub/issues/12", "PLAT-7"),
                actions(text).stream().map(ExtractedAction::ticket).toList());
    }

    @Test
    void readsRestructuredTextNumberedItemsUnderAnUnderlinedHeading() {
        String text = """
                Incident: object store outage
                =============================

                Remediation
                -----------

                #. Rotate the leaked access key.
                #. Audit the other keys for the same exposure.
                """;

        assertEquals(List.of("Rotate the leaked access key.", "Audit the other keys for the same exposure."), texts(text));
    }

    @Test
    void sectionsNamedForWhatComesNextListWork() {
        String text = """
                # Outage of the billing API

                ## What's next
                1. Add a canary stage to the billing deploy pipeline.

                ## Moving forward
                - Document the rollback procedure in the runbook.

                ## Looking ahead
                * Add lag alerts per partition

                ## Open items
                | Item | Assignee | Tracking |
                |------|----------|----------|
                | Automate renewal of the ingress certificate | @sre-team | INFRA-221 |

                ## Changes we're making
                1. Give retries their own worker pool.
                """;

        assertEquals(List.of("Add a canary stage to the billing deploy pipeline.",
                "Document the rollback procedure in the runbook.", "Add lag alerts per partition",
                "Automate renewal of the ingress certificate", "Give retries their own worker pool."), texts(text));
    }

    @Test
    void anItemUnderAnActionsHeadingIsKeptWhateverImperativeOpensIt() {
        String text = """
                ## Post-incident actions

                ### Short term
                - Restore the deleted index alias
                - Re-run the failed reindex job

                ### Long term
                - Guard the alias deletion behind a confirmation flag
                """;

        assertEquals(List.of("Restore the deleted index alias", "Re-run the failed reindex job",
                "Guard the alias deletion behind a confirmation flag"), texts(text));
    }

    @Test
    void linesWrittenOneItemALineStayWholeAndALoneParagraphSplitsIntoItsImperatives() {
        String text = """
                ## Future improvements
                Add a status page that tracks block time. Fix our alerts for stalled blocks.
                Add a notification when a new version is available.

                ## Next steps

                Pin the client library version. Add a contract test for the login flow.
                """;

        assertEquals(List.of("Add a status page that tracks block time. Fix our alerts for stalled blocks.",
                "Add a notification when a new version is available.", "Pin the client library version.",
                "Add a contract test for the login flow."), texts(text));
    }

    @Test
    void anOpenTaskBoxIsWorkUnderAnyHeadingThatIsNotClosed() {
        String text = """
                ## Remaining items

                - [ ] Shard the webhook queue by customer
                - [x] Page the on-call engineer

                ## Timeline

                - [ ] 10:02 first alert
                """;

        assertEquals(List.of("Shard the webhook queue by customer"), texts(text));
    }

    @Test
    void aPromiseInThePassiveCommitsUnderAnActionsHeadingWhenItIsTheMainClause() {
        String text = """
                ## Resolving actions
                - A database migration will be proposed that restores the lost rows
                - Monitoring helps us find such problems sooner
                - To make sure that the issue will be fixed for good, the team met twice
                """;

        assertEquals(List.of("A database migration will be proposed that restores the lost rows"), texts(text));
    }

    @Test
    void workThatFindsOutWhatCausedThisIncidentIsCorrective() {
        String text = """
                ## Action items
                - Reproduce the crash with the corrupted upload
                - Investigate why the cleanup job was disabled
                - Add an alert on the cleanup job's last run
                """;

        assertEquals(List.of(ActionKind.CORRECTIVE, ActionKind.CORRECTIVE, ActionKind.PREVENTATIVE),
                actions(text).stream().map(ExtractedAction::kind).toList());
    }

    @Test
    void aNumberedHeadingUnderAHeadingNamedActionsIsOneActionButUnderLessonsItIsNot() {
        String text = """
                # Resulting actions

                ### 1) Log rotation scheduled @sam

                A cron job now compresses logs older than a day.

                ### 2) Disk alerts configured @kim

                Alerts fire at 80% full.

                # Lessons learned

                ### 1) Communication matters

                We talked too little during the incident.
                """;

        assertEquals(List.of("Log rotation scheduled @sam", "Disk alerts configured @kim"), texts(text));
    }
}
