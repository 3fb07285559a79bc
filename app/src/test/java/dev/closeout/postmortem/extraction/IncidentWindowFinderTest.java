package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IncidentWindowFinderTest {

    private static Incident incident(String text) {
        return new IncidentWindowFinder().find(new DocumentReader().read(text));
    }

    @Test
    void readsADurationFieldWithMonthNamesAndUtc() {
        Incident incident = incident("Duration: August 17, 2024, 03:15 UTC to August 17, 2024, 06:00 UTC\n");
        assertEquals(new Incident("2024-08-17T03:15:00Z", "2024-08-17T06:00:00Z", 165), incident);
    }

    @Test
    void sharesTheDateAndZoneAcrossAnAmPmRange() {
        Incident incident = incident("Duration: May 15, 2023, 09:00 AM - 12:00 PM (UTC)\n");
        assertEquals(new Incident("2023-05-15T09:00:00Z", "2023-05-15T12:00:00Z", 180), incident);
    }

    @Test
    void takesTheDateWrittenAfterTheRange() {
        Incident incident = incident("The outage occurred from 10:00 AM to 2:00 PM on May 8th, 2024 (UTC).\n");
        assertEquals(new Incident("2024-05-08T10:00:00Z", "2024-05-08T14:00:00Z", 240), incident);
    }

    @Test
    void movesAnEndBeforeTheStartToTheNextDay() {
        Incident incident = incident("Duration: 15/01/2021 22:30 - 01:15 CET\n");
        assertEquals(new Incident("2021-01-15T22:30:00+01:00", "2021-01-16T01:15:00+01:00", 165), incident);
    }

    @Test
    void readsDottedEuropeanDatesAndExplicitOffsets() {
        Incident incident = incident("Start: 3.4.2020 08:00 UTC+3\nEnd: 3.4.2020 09:30 UTC+3\n");
        assertEquals(new Incident("2020-04-03T08:00:00+03:00", "2020-04-03T09:30:00+03:00", 90), incident);
    }

    @Test
    void completesAYearlessDateFromTheDocument() {
        Incident incident = incident("Report written 2 October 2022.\n\nStart: 7th Sept 14:00 SAST\nEnd: 7th Sept 15:00 SAST\n");
        assertEquals(new Incident("2022-09-07T14:00:00+02:00", "2022-09-07T15:00:00+02:00", 60), incident);
    }

    @Test
    void takesLiteralOffsetsForStandardAndDaylightAbbreviations() {
        assertEquals("2018-05-23T13:00:00-08:00", incident("Start: May 23, 2018 1pm PST\n").start());
        assertEquals("2024-05-10T00:05:00-07:00", incident("Start: May 10, 2024 00:05 PDT\n").start());
        assertEquals("2023-06-01T14:00:00-05:00", incident("Start: June 1, 2023 2:00 PM Eastern Standard Time\n").start());
        assertEquals("2024-01-02T10:00:00+03:00", incident("Start: 2024-01-02 10:00 EAT\n").start());
        assertEquals("2024-01-02T10:00:00+01:00", incident("Start: 2024-01-02 10:00 WAT\n").start());
    }

    @Test
    void resolvesSeasonNeutralZonesByTheDate() {
        String text = """
                # Outage
                ## Timeline (all times in PST/PDT)
                - 2019-12-11 18:15 Release published, builds fail
                - 2019-12-12 13:34 Fix published, builds restored
                """;
        assertEquals(new Incident("2019-12-11T18:15:00-08:00", "2019-12-12T13:34:00-08:00", 1159), incident(text));
    }

    @Test
    void combinesTimelineTimesWithTheSummaryDateAndTheAllTimesNote() {
        String text = """
                # Outage
                On 2020-02-03 the cluster failed.
                ## Timeline
                All times in CET.
                - 11:21 CoreDNS pods crash loop
                - 11:52 Deployment downgraded, which solved the issue
                - 13:30 Upgrade permanently finished
                """;
        assertEquals(new Incident("2020-02-03T11:21:00+01:00", "2020-02-03T11:52:00+01:00", 31), incident(text));
    }

    @Test
    void crossesMidnightInsideATimeline() {
        String text = """
                **Date:** 2025-05-15
                ## Timeline
                - 20:47 Users report errors
                - 00:16 Investigation continues
                - 08:00 Service recovered
                """;
        assertEquals(new Incident("2025-05-15T20:47:00", "2025-05-16T08:00:00", 673), incident(text));
    }

    @Test
    void prefersOutageMarkers() {
        String text = """
                Date: 2016-11-07
                ## Timeline
                **16:00** Change merged
                **16:27** Tag pushed **<START OF OUTAGE>**
                **21:36** Builds failing
                **23:15** Fix lands. **<END OF OUTAGE>**
                """;
        assertEquals(new Incident("2016-11-07T16:27:00", "2016-11-07T23:15:00", 408), incident(text));
    }

    @Test
    void timestampsWinOverAContradictingStatedDuration() {
        Incident incident = incident("Start: 2024-01-01 10:00\nEnd: 2024-01-01 11:00\nDuration: 3 hours\n");
        assertEquals(60, incident.durationMinutes());
    }

    @Test
    void usesAStatedDurationWhenTimesAreMissing() {
        assertEquals(new Incident(null, null, 82), incident("Resolution Time: 1 hour and 22 minutes\n"));
        assertEquals(new Incident(null, null, 1005), incident("Duration: 16h 45m\n"));
    }

    @Test
    void measuresATimeOnlyWindowWithoutInventingADate() {
        Incident incident = incident("Duration: The outage started at 13:00PM and was resolved around 14:50PM "
                + "Central African Time\n");
        assertEquals(new Incident(null, null, 110), incident);
    }

    @Test
    void keepsABareDateWhenOnlyADateIsGiven() {
        assertEquals(new Incident("2025-06-11", null, null), incident("Start: Jun 11, 2025\n"));
        assertEquals("2020-09-11", incident("Affected all mobile users since 09/11/20, the day of the release.\n").start());
    }

    @Test
    void leavesTimesWithoutAZoneLocal() {
        assertEquals("2021-08-26T17:00:00", incident("Start: August 26, 2021 5:00 PM\n").start());
    }

    @Test
    void readsNoFieldFromACodeSample() {
        Incident incident = incident("""
                # June 3rd, 2021 Build Outage

                ## Timeline

                * [09:12] CI reports that every job fails
                * [10:40] Jobs pass again, the incident is resolved

                ## Appendix

                ```
                State:          Terminated
                  Started:      Mon, 01 Jan 0001 00:00:00 +0000
                ```
                """);
        assertEquals(new Incident("2021-06-03T09:12:00", "2021-06-03T10:40:00", 88), incident);
    }

    @Test
    void readsTheParagraphUnderATimeHeadingAcrossABlankLine() {
        Incident incident = incident("""
                # Incident report, March 2 2024

                ## Timeline (times in UTC)

                ### 2:10 PM

                The API starts returning errors to every client.

                ### 2:35 PM

                The bad release is rolled back and the API is back to normal.

                ## Follow-up timeline

                ### 6:05 PM

                A customer asks for a refund.
                """);
        assertEquals(new Incident("2024-03-02T14:10:00Z", "2024-03-02T14:35:00Z", 25), incident);
    }

    @Test
    void takesTheZoneNamedInTheTimelineHeading() {
        Incident incident = incident("""
                On March 9th 2022 at 5:48AM PDT the queue stopped.

                ## Timeline (UTC)

                - 12:48 (5:48 PDT): The queue stops accepting messages, consumers fail.
                - 13:30: The broker is restarted and the queue is restored.
                """);
        assertEquals(new Incident("2022-03-09T12:48:00Z", "2022-03-09T13:30:00Z", 42), incident);
    }

    @Test
    void readsAnExpiryLeakOrDeletionAsTheFirstTrouble() {
        Incident incident = incident("""
                ## Timeline

                All times in UTC.

                | Time | Event |
                | --- | --- |
                | 2023-11-02 08:00 | The signing certificate expires |
                | 2023-11-02 08:09 | Users report that they cannot sign in |
                | 2023-11-02 08:51 | A new certificate is deployed, sign-in is restored |
                """);
        assertEquals(new Incident("2023-11-02T08:00:00Z", "2023-11-02T08:51:00Z", 51), incident);
    }

    @Test
    void endsWhenTheServiceReturnsToNormal() {
        Incident incident = incident("""
                ## Timeline (all times UTC), 2022-05-04

                - 10:00 - Workers crash on every job
                - 10:20 - Memory limits are raised, the workers return to normal
                - 11:15 - The issue is closed
                """);
        assertEquals(new Incident("2022-05-04T10:00:00Z", "2022-05-04T10:20:00Z", 20), incident);
    }

    @Test
    void endsAtTheLastEndMarkerOfAnOutageInParts() {
        Incident incident = incident("""
                Date/time: 2020-02-03 09:00 -0800

                ## Timeline (all times in PST/PDT)

                ### 2020-02-03

                * 09:00 - A breaking change is merged.
                * 09:40 - The package is published. **<START OF OUTAGE>**

                ### 2020-02-04

                * 11:00 - The package is republished. **<END OF VERSIONING
                  OUTAGE>**
                * 15:30 - The migration guide is published. **<PARTIAL END OF OUTAGE>**
                * 16:45 - The tool reports the error clearly. **<END OF TOOLING OUTAGE>**
                """);
        assertEquals(new Incident("2020-02-03T09:40:00-08:00", "2020-02-04T16:45:00-08:00", 1865), incident);
    }

    @Test
    void keepsADateTimeFieldThatTheStatedDurationCarriesToTheEndMarker() {
        Incident incident = incident("""
                Date/time: 2020-02-03 10:00
                Duration: 5h 30m

                ## Timeline (all times in UTC)

                ### 2020-02-03

                **09:10** A bad version is tagged **<START OF OUTAGE>**
                **15:30** The fix lands. **<END OF OUTAGE>**
                """);
        assertEquals(new Incident("2020-02-03T10:00:00Z", "2020-02-03T15:30:00Z", 330), incident);
    }

    @Test
    void readsAStartedAndEndedSentenceAsARange() {
        assertEquals(new Incident("2021-04-12T16:20:00Z", "2021-04-12T17:05:00Z", 45),
                incident("The outage started at 16:20 UTC on April 12, 2021 and ended at 17:05 UTC.\n"));
        assertEquals(new Incident("2024-01-09T08:00:00Z", "2024-01-09T08:12:00Z", 12),
                incident("The incident began at **08:00 UTC, January 9, 2024** and was resolved by **08:12 UTC**.\n"));
    }

    @Test
    void takesTheStartTheSummaryStatesBeforeTheFirstReportedTrouble() {
        Incident incident = incident("""
                ## Summary

                At approximately 07:02:30 on June 1st 2022 (UTC) a bot account changed the download link.

                ## Timeline (all times UTC)

                - 07:02:30 UTC the download link is changed to a third-party host
                - 07:20:00 UTC Users report the change
                - 07:41:10 UTC The link is reverted and the issue resolved
                """);
        // 38 minutes 40 seconds, rounded
        assertEquals(new Incident("2022-06-01T07:02:30Z", "2022-06-01T07:41:10Z", 39), incident);
    }

    @Test
    void readsAMorningEndThatWouldLastOverTwelveHoursInTheEvening() {
        assertEquals(new Incident("2021-03-14T21:10:00", "2021-03-14T22:05:00", 55),
                incident("On 14/03/2021, from 9:10 PM until 10:05 AM, the checkout page returned errors.\n"));
        assertEquals(new Incident("2021-03-14T23:00:00", "2021-03-15T01:30:00", 150),
                incident("On 14/03/2021, from 11:00 PM until 1:30 AM, the checkout page returned errors.\n"));
    }

    @Test
    void endsWhenTheServersAreHealthyAgain() {
        Incident incident = incident("""
                ## Timeline (all times UTC), 2024-02-20

                - 14:02 - Every pod is evicted, the site is down
                - 14:20 - New nodes are added
                - 14:31 - The load balancer marks the new nodes as healthy, traffic flows again
                - 14:50 - Sev 1 ticket closed
                """);
        assertEquals(new Incident("2024-02-20T14:02:00Z", "2024-02-20T14:31:00Z", 29), incident);
    }

    @Test
    void startsAtTheEntryNearestTheStatedDurationBeforeTheEnd() {
        Incident incident = incident("""
                ## Timeline (all times UTC), 2024-02-20

                - 14:00 - A node rollover is started
                - 14:02 - The rollover fails on a timeout
                - 14:04 - The last healthy node is terminated
                - 14:19 - New nodes are reported healthy

                ## Stats

                Time to recovery: 15 minutes
                """);
        assertEquals(new Incident("2024-02-20T14:04:00Z", "2024-02-20T14:19:00Z", 15), incident);
    }

    @Test
    void findsNothingInTextWithoutTimes() {
        assertEquals(Incident.unknown(), incident("# Postmortem\nNginx listened on port 8080. curl 0:80 failed.\n"));
    }
}
