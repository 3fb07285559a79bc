package dev.closeout.notify;

import dev.closeout.notify.Mailbox.Mail;
import dev.closeout.support.TwoTeams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders, escalations and digests walked through weeks on a movable clock, with a real SMTP server: two teams
 * in two zones, each message checked for its day, its local hour and its words, and counted, so none comes twice.
 */
class NotificationScheduleTest extends NotificationTestBase {

    long priyaRollback;
    long webAlert;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // the sync stays off; the address is what a reminder's link to the ticket is made of
        properties.put("closeout.jira.base-url", "https://acme.atlassian.net");
        return properties;
    }

    @BeforeEach
    void twoTeamsInTwoZones() {
        // Monday 7 December 2026, midnight UTC
        twoTeamsFrom(Instant.parse("2026-12-07T00:00:00Z"));
        patchTeam(TwoTeams.PAY, Map.of("time_zone", "Europe/Berlin", "email", "pay-team@example.com",
                "members", Map.of("priya", "priya@example.com"), "escalation_contact", "pay-leads@example.com"));
        patchTeam(TwoTeams.WEB, Map.of("time_zone", "America/New_York", "email", "web-team@example.com"));
        // the postmortems are from 2025: every follow-up but the two this test follows is due far ahead
        priyaRollback = teams.checkoutActions.get(2);
        webAlert = teams.searchActions.get(1);
        for (long id : allFollowUps()) {
            due(id, id == priyaRollback ? "2026-12-16" : id == webAlert ? "2026-12-19" : "2027-06-01");
        }
    }

    @Test
    void eachReminderEscalationAndDigestArrivesOnceOnItsWeekdayAtNineLocal() {
        walk(Instant.parse("2027-01-09T00:00:00Z"), Duration.ofHours(1));

        // priya's follow-up, due Wednesday 16 December, team in Berlin (09:00 there is 08:00 UTC)
        assertEquals(List.of("2026-12-14T08:00:00Z", "2026-12-16T08:00:00Z", "2026-12-17T08:00:00Z",
                        "2026-12-23T08:00:00Z", "2026-12-30T08:00:00Z", "2027-01-06T08:00:00Z"),
                arrivals("priya@example.com", "Follow-up"), () -> summary(received));
        // the web team's unowned-by-address follow-up, due Saturday 19 December, New York (09:00 is 14:00 UTC):
        // -3d on Wednesday; 0d and +1d fall on the weekend and go as one on Monday; +7d, +14d also on Mondays
        assertEquals(List.of("2026-12-16T14:00:00Z", "2026-12-21T14:00:00Z", "2026-12-28T14:00:00Z",
                        "2027-01-04T14:00:00Z"),
                arrivals("web-team@example.com", "Follow-up"));
        // 14 days overdue, then weekly, to pay's escalation contact
        assertEquals(List.of("2026-12-30T08:00:00Z", "2027-01-06T08:00:00Z"),
                arrivals("pay-leads@example.com", "Escalation"));
        // each Monday each team's digest, at its own 09:00
        assertEquals(List.of("2026-12-07T08:00:00Z", "2026-12-14T08:00:00Z", "2026-12-21T08:00:00Z",
                "2026-12-28T08:00:00Z", "2027-01-04T08:00:00Z"), arrivals("pay-team@example.com", "Weekly review"));
        assertEquals(List.of("2026-12-07T14:00:00Z", "2026-12-14T14:00:00Z", "2026-12-21T14:00:00Z",
                "2026-12-28T14:00:00Z", "2027-01-04T14:00:00Z"), arrivals("web-team@example.com", "Weekly review"));
        // and nothing else
        assertEquals(6 + 4 + 2 + 5 + 5, received.size(), () -> summary(received));
        assertEquals(received.size(), received.stream().map(Mail::messageId).distinct().count(), "a mail came twice");
    }

    @Test
    void aReminderSaysWhatFromWhereDueWhenHowLateWithLinksAndHowToSnooze() {
        // the follow-up has its ticket, as the Jira sync leaves it
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        transactions.executeWrite(status -> dsl.insertInto(JIRA_TICKET).set(JIRA_TICKET.ACTION_ID, priyaRollback)
                .set(JIRA_TICKET.STATE, "synced").set(JIRA_TICKET.ISSUE_ID, "10423").set(JIRA_TICKET.ISSUE_KEY, "PAY-123")
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now).set(JIRA_TICKET.CREATED_AT, now).set(JIRA_TICKET.UPDATED_AT, now)
                .execute());
        walk(Instant.parse("2026-12-23T12:00:00Z"), Duration.ofHours(1));

        Mail weekLate = only("priya@example.com", "2026-12-23T08:00:00Z");
        assertEquals("Follow-up overdue by 7 days: Roll back pricing-service release 4.12.0 everywhere",
                weekLate.subject());
        String text = weekLate.text();
        assertTrue(text.contains("What: Roll back pricing-service release 4.12.0 everywhere"), text);
        assertTrue(text.contains("From: Incident PIR: Checkout API latency (INC-2291) <" + PUBLIC_URL + "/postmortems/"
                + teams.payCheckout + ">"), text);
        assertTrue(text.contains("Due: 2026-12-16 (7 days overdue)"), text);
        assertTrue(text.contains("Owner: priya"), text);
        assertTrue(text.contains("Team: Payments"), text);
        assertTrue(text.contains(PUBLIC_URL + "/follow-ups/" + priyaRollback), text);
        assertTrue(text.contains("Jira: PAY-123 <https://acme.atlassian.net/browse/PAY-123>"), text);
        assertTrue(text.contains("\"snoozed_until\""), text);
        assertTrue(weekLate.html().contains("<a href=\"" + PUBLIC_URL + "/follow-ups/" + priyaRollback + "\">"),
                weekLate.html());

        Mail early = only("priya@example.com", "2026-12-14T08:00:00Z");
        assertEquals("Follow-up due in 2 days: Roll back pricing-service release 4.12.0 everywhere", early.subject());
        Mail digest = only("pay-team@example.com", "2026-12-21T08:00:00Z");
        assertTrue(digest.subject().startsWith("Weekly review 2026-W51: Payments"), digest.subject());
        assertTrue(digest.text().startsWith("## Weekly review 2026-W51"), digest.text());
        assertTrue(digest.html().contains("<h2>Weekly review 2026-W51"), digest.html());
    }

    @Test
    void snoozedClosedAndMovedFollowUpsAreRemindedAsTheyStandNotAsTheyWere() {
        long closed = teams.checkoutActions.get(1);
        long moved = teams.billingActions.get(0);
        due(closed, "2026-12-16");
        due(moved, "2026-12-16");
        owner(closed, "closer@example.com");
        owner(moved, "mover@example.com");
        walk(Instant.parse("2026-12-15T12:00:00Z"), Duration.ofHours(1));
        assertEquals(List.of("2026-12-14T08:00:00Z"), arrivals("closer@example.com", "Follow-up"));

        // Tuesday noon: priya snoozes to the 22nd, one is closed, one is moved two weeks on
        patch(priyaRollback, Map.of("snoozed_until", "2026-12-22"));
        transition(closed, "in_progress");
        transition(closed, "done");
        due(moved, "2026-12-30");
        walk(Instant.parse("2027-01-01T00:00:00Z"), Duration.ofHours(1));

        // snoozed: nothing on the 16th or 17th; the +7d of the 23rd comes
        assertEquals(List.of("2026-12-14T08:00:00Z", "2026-12-23T08:00:00Z", "2026-12-30T08:00:00Z"),
                arrivals("priya@example.com", "Follow-up"));
        assertEquals(List.of("2026-12-14T08:00:00Z"), arrivals("closer@example.com", "Follow-up"));
        // moved: its old dates give nothing; -3d of the new one is Sunday the 27th, so Monday the 28th
        assertEquals(List.of("2026-12-14T08:00:00Z", "2026-12-28T08:00:00Z", "2026-12-30T08:00:00Z",
                "2026-12-31T08:00:00Z"), arrivals("mover@example.com", "Follow-up"));
    }

    @Test
    void aFollowUpClosedAfterItsReminderWasPlannedButBeforeItWentIsSkippedWithTheReason() {
        long closing = teams.checkoutActions.get(1);
        due(closing, "2026-12-07");
        owner(closing, "closer@example.com");
        clock.set(Instant.parse("2026-12-07T08:00:00Z"));
        planner.plan();
        transition(closing, "not_doing");
        sender.sendPending();

        assertTrue(mailbox.newMail(clock.instant()).stream().noneMatch(mail -> mail.to().contains("closer@example.com")));
        Map<String, Object> row = list(getJson("/api/notifications?action=" + closing).get("items")).get(0);
        assertEquals("skipped", row.get("state"));
        assertTrue(((String) row.get("reason")).contains("closed (not_doing)"), (String) row.get("reason"));
    }

    @Test
    void anHourWithoutSmtpDelaysTheMorningsMailAndLosesNoneOrSendsOneTwice() {
        clock.set(Instant.parse("2026-12-14T07:00:00Z"));
        mailbox.stop();
        try {
            // 08:00 to 09:00 UTC, every ten minutes: Berlin's 09:00 mail is due and the server is down
            for (int tick = 0; tick <= 6; tick++) {
                clock.set(Instant.parse("2026-12-14T08:00:00Z").plus(Duration.ofMinutes(10L * tick)));
                planner.plan();
                sender.sendPending();
            }
            List<Map<String, Object>> waiting = list(getJson("/api/notifications?state=pending&team=pay").get("items"));
            assertEquals(2, waiting.size(), "priya's -3d reminder and pay's digest");
            assertTrue(waiting.stream().allMatch(row -> ((Number) row.get("attempts")).intValue() >= 2), waiting::toString);
            assertTrue(waiting.stream().allMatch(row -> row.get("last_error") != null
                    && ((String) row.get("last_error")).contains("127.0.0.1")), waiting::toString);
        } finally {
            mailbox.start();
        }
        walk(Instant.parse("2026-12-14T12:00:00Z"), Duration.ofMinutes(10));

        assertEquals(1, received.stream().filter(mail -> mail.to().contains("priya@example.com")).count());
        assertEquals(1, received.stream().filter(mail -> mail.to().contains("pay-team@example.com")).count());
        List<Map<String, Object>> sent = list(getJson("/api/notifications?team=pay").get("items"));
        assertTrue(sent.stream().filter(row -> "email".equals(row.get("channel")))
                .allMatch(row -> "sent".equals(row.get("state")) && row.get("reason") == null
                        && row.get("last_error") == null), sent::toString);
    }

    // --- what arrived

    List<String> arrivals(String to, String subjectStart) {
        return received.stream().filter(mail -> mail.to().contains(to) && mail.subject().startsWith(subjectStart))
                .map(mail -> mail.arrived().toString()).toList();
    }

    Mail only(String to, String at) {
        List<Mail> found = received.stream().filter(mail -> mail.to().contains(to) && mail.arrived().toString().equals(at))
                .toList();
        assertEquals(1, found.size(), () -> summary(found));
        return found.get(0);
    }

    static String summary(List<Mail> mails) {
        return mails.stream().map(mail -> mail.arrived() + " " + mail.to() + " " + mail.subject())
                .collect(Collectors.joining("\n"));
    }
}
