package dev.closeout.notify;

import dev.closeout.notify.Mailbox.Mail;
import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person sees of notifications through the API: the list of what was sent, failed or skipped and why,
 * filtered and paged, within a scoped token's team; a team's digest previewed and sent by hand, once a week unless
 * forced; and what the Slack and generic webhooks receive, with the signature a receiver checks.
 */
class NotificationApiTest extends NotificationTestBase {

    static final String WEBHOOK_SECRET = "whsec-7c1e0f5b2a9d";
    static final String SLACK_PATH = "/services/T0PAY00/B0DIGEST/q8XbS3cr3tT0k3n";

    @Inject
    JsonMapper json;

    long priyaRollback;
    long webAlert;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("closeout.notify.webhook-secret", WEBHOOK_SECRET);
        properties.put("closeout.notify.review-recipients", "reliability-leads@example.com");
        return properties;
    }

    @BeforeEach
    void twoTeams() {
        // Monday 7 December 2026, midnight UTC: the week before, 2026-W49, is complete
        twoTeamsFrom(Instant.parse("2026-12-07T00:00:00Z"));
        priyaRollback = teams.checkoutActions.get(2);
        webAlert = teams.searchActions.get(1);
        // the postmortems are from 2025: every follow-up but the two a test follows is due far ahead
        for (long id : allFollowUps()) {
            due(id, id == priyaRollback || id == webAlert ? "2026-12-09" : "2027-06-01");
        }
    }

    // --- GET /api/notifications

    @Test
    void theListFiltersByFollowUpTeamStateAndKindNewestFirst() {
        bothTeamsByEmail();
        walk(Instant.parse("2026-12-11T00:00:00Z"));

        List<Map<String, Object>> all = notifications("");
        assertTrue(all.stream().anyMatch(row -> "pay".equals(row.get("team"))), all::toString);
        assertTrue(all.stream().anyMatch(row -> "web".equals(row.get("team"))), all::toString);
        assertDescending(all);
        // due Wednesday 9th: -3d is Sunday (so Monday), 0d Wednesday, +1d Thursday, for each of the two
        assertEquals(List.of("2026-12-07", "2026-12-09", "2026-12-10"),
                where(all, row -> Long.valueOf(priyaRollback).equals(number(row.get("action_id")))).stream()
                        .map(row -> (String) row.get("send_day")).sorted().toList());
        assertEquals(received.size(), all.size(), "every row went as one mail");

        List<Map<String, Object>> priyas = notifications("?action=" + priyaRollback);
        assertEquals(where(all, row -> Long.valueOf(priyaRollback).equals(number(row.get("action_id")))), priyas);
        assertTrue(priyas.stream().allMatch(row -> "priya@example.com".equals(row.get("recipient"))
                && "reminder".equals(row.get("kind")) && "email".equals(row.get("channel"))), priyas::toString);
        List<Map<String, Object>> web = notifications("?team=web");
        assertEquals(where(all, row -> "web".equals(row.get("team"))), web);
        assertEquals(4, web.size(), "three reminders and Monday's digest");
        List<Map<String, Object>> digests = notifications("?kind=digest");
        assertEquals(where(all, row -> "digest".equals(row.get("kind"))), digests);
        // each team's, and the digest of all teams, which has none
        assertEquals(new HashSet<>(Arrays.asList("pay", "web", null)),
                new HashSet<>(digests.stream().map(row -> row.get("team")).toList()));
        assertEquals(where(all, row -> "reminder".equals(row.get("kind")) && "pay".equals(row.get("team"))),
                notifications("?kind=reminder&team=pay&state=sent"));
        assertEquals(all, notifications("?state=sent"));
        assertEquals(List.of(), notifications("?state=failed"));
        assertTrue(all.stream().allMatch(row -> row.get("sent_at") != null && row.get("next_attempt_at") == null
                && ((Number) row.get("attempts")).intValue() == 1), all::toString);
    }

    @Test
    void pagingWithLimitAndCursorGivesEveryRowOnceNewestFirst() {
        bothTeamsByEmail();
        walk(Instant.parse("2026-12-11T00:00:00Z"));
        List<Long> all = notifications("").stream().map(ApiTestBase::id).toList();
        assertTrue(all.size() > 4, all::toString);

        List<Long> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, Object> page = getJson("/api/notifications?limit=3" + (next == null ? "" : "&cursor=" + next));
            List<Map<String, Object>> items = list(page.get("items"));
            assertTrue(items.size() <= 3, items::toString);
            items.forEach(row -> paged.add(id(row)));
            next = (String) page.get("next");
            pages++;
        } while (next != null && pages < 20);

        assertEquals(all, paged);
        assertEquals((all.size() + 2) / 3, pages);
    }

    @Test
    void aTeamScopedReaderSeesItsOwnTeamsRowsOnly() {
        bothTeamsByEmail();
        walk(Instant.parse("2026-12-10T00:00:00Z"));

        List<Map<String, Object>> seen = list(getJson("/api/notifications", teams.webReader).get("items"));
        assertFalse(seen.isEmpty());
        assertEquals(notifications("?team=web"), seen);
        assertEquals(seen, list(getJson("/api/notifications?team=web", teams.webReader).get("items")));
        assertProblem(HttpStatus.FORBIDDEN, "team",
                () -> client.retrieve(HttpRequest.GET("/api/notifications?team=pay").bearerAuth(teams.webReader)));
    }

    @Test
    void anUnknownStateKindOrTeamIsABadRequestNamingIt() {
        assertProblem(HttpStatus.BAD_REQUEST, "state: must be one of pending, sent, failed, skipped",
                () -> getJson("/api/notifications?state=bogus"));
        assertProblem(HttpStatus.BAD_REQUEST, "kind: must be one of",
                () -> getJson("/api/notifications?kind=nudge"));
        assertProblem(HttpStatus.BAD_REQUEST, "team: no team has the key 'ops'",
                () -> getJson("/api/notifications?team=ops"));
    }

    @Test
    void aFollowUpNobodyCanBeToldOfIsSkippedWithTheOwnerAndTheTeamNamed() {
        // pay has no channel at all; dana is a name, not an address
        long dana = teams.billingActions.get(0);
        due(dana, "2026-12-07");
        patch(dana, Map.of("owner", "dana"));
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        planner.plan();
        sender.sendPending();

        List<Map<String, Object>> rows = notifications("?action=" + dana);
        assertEquals(1, rows.size(), rows::toString);
        Map<String, Object> row = rows.get(0);
        assertEquals("skipped", row.get("state"));
        assertEquals("none", row.get("channel"));
        assertNull(row.get("recipient"));
        String reason = (String) row.get("reason");
        assertTrue(reason.contains("owner 'dana' has no e-mail address"), reason);
        assertTrue(reason.contains("team 'pay' has no email, slack_webhook_url or webhook_url"), reason);
        assertTrue(notifications("?state=skipped&team=pay").stream().anyMatch(r -> id(r) == id(row)));
        assertTrue(mailbox.newMail(clock.instant()).stream()
                .allMatch(mail -> mail.to().equals(List.of("reliability-leads@example.com"))));
    }

    @Test
    void theDigestOfAllTeamsGoesToTheReviewRecipientsOnMonday() {
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        planner.plan();
        sender.sendPending();

        List<Map<String, Object>> review = where(notifications("?kind=digest"), row -> row.get("team") == null);
        assertEquals(1, review.size(), review::toString);
        assertEquals("sent", review.get(0).get("state"), review::toString);
        assertEquals("2026-W49", review.get(0).get("occasion"));
        List<Mail> mails = mailbox.newMail(clock.instant());
        assertEquals(1, mails.size());
        assertEquals(List.of("reliability-leads@example.com"), mails.get(0).to());
        assertTrue(mails.get(0).subject().startsWith("Weekly review 2026-W49, all teams — "), mails.get(0).subject());
    }

    // --- GET /api/teams/{key}/digest/preview

    @Test
    void thePreviewIsTheWeeklyReviewsOwnMarkdownAndListsTheTeamsChannelsWithoutTheirUrls() {
        try (WebhookReceiver slack = WebhookReceiver.start()) {
            patchTeam(TwoTeams.PAY, Map.of("email", "pay-team@example.com",
                    "slack_webhook_url", slack.url(SLACK_PATH)));
            Map<String, Object> preview = getJson("/api/teams/pay/digest/preview?week=2026-W49");

            String review = client.retrieve(HttpRequest.GET("/api/reports/weekly?team=pay&week=2026-W49&format=markdown")
                    .bearerAuth(ADMIN), String.class);
            assertEquals(review, preview.get("markdown"));
            assertEquals("2026-W49", preview.get("week"));
            assertTrue(((String) preview.get("subject")).startsWith("Weekly review 2026-W49: Payments — "),
                    (String) preview.get("subject"));
            assertTrue(((String) preview.get("html")).contains("<h2>Weekly review 2026-W49"),
                    (String) preview.get("html"));
            List<Map<String, Object>> destinations = list(preview.get("destinations"));
            assertEquals(List.of("email pay-team@example.com", "slack team"), destinations.stream()
                    .map(to -> to.get("channel") + " " + to.get("recipient")).toList());
            assertTrue(destinations.stream().allMatch(to -> to.get("reason") == null), destinations::toString);
            assertFalse(preview.toString().contains("q8XbS3cr3tT0k3n"), preview::toString);
            assertTrue(slack.received().isEmpty(), "a preview sends nothing");
        }
        assertTrue(mailbox.newMail(clock.instant()).isEmpty(), "a preview sends nothing");
    }

    @Test
    void aTeamWithNoChannelPreviewsOneDestinationNoneWithTheReason() {
        List<Map<String, Object>> destinations = list(getJson("/api/teams/web/digest/preview?week=2026-W49",
                teams.webReader).get("destinations"));
        assertEquals(1, destinations.size(), destinations::toString);
        assertEquals("none", destinations.get(0).get("channel"));
        assertEquals("team 'web' has no email, slack_webhook_url or webhook_url", destinations.get(0).get("reason"));
    }

    @Test
    void anotherTeamsDigestIsNotFoundForAScopedTokenAndAWeekNotBegunIsABadRequest() {
        assertProblem(HttpStatus.NOT_FOUND, "pay",
                () -> getJson("/api/teams/pay/digest/preview?week=2026-W49", teams.webReader));
        assertProblem(HttpStatus.BAD_REQUEST, "week: 2026-W51 has not begun",
                () -> getJson("/api/teams/pay/digest/preview?week=2026-W51"));
    }

    // --- POST /api/teams/{key}/digest/send

    @Test
    void onlyAnAdminSendsADigest() {
        patchTeam(TwoTeams.WEB, Map.of("email", "web-team@example.com"));
        String editor = token("ops-editor", "editor");
        for (String token : List.of(teams.webEditor, teams.webReader, editor)) {
            assertProblem(HttpStatus.FORBIDDEN, "403", () -> client.exchange(
                    HttpRequest.POST("/api/teams/web/digest/send?week=2026-W49", "").bearerAuth(token)));
        }
        assertTrue(mailbox.newMail(clock.instant()).isEmpty());
        assertEquals(List.of(), notifications("?kind=digest"));
    }

    @Test
    void aWeeksDigestIsSentOnceByEmailAndAgainOnlyWhenForced() {
        patchTeam(TwoTeams.PAY, Map.of("email", "pay-team@example.com"));

        Map<String, Object> sent = sendDigest("pay", "2026-W49", false);
        assertEquals("2026-W49", sent.get("week"));
        List<Map<String, Object>> rows = list(sent.get("notifications"));
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("sent", rows.get(0).get("state"));
        assertEquals("email", rows.get(0).get("channel"));
        List<Mail> mails = mailbox.newMail(clock.instant());
        assertEquals(1, mails.size());
        assertEquals(List.of("pay-team@example.com"), mails.get(0).to());
        assertTrue(mails.get(0).subject().startsWith("Weekly review 2026-W49: Payments"), mails.get(0).subject());
        assertNotNull(mails.get(0).html());
        assertTrue(mails.get(0).html().contains("<h2>Weekly review 2026-W49"), mails.get(0).html());
        assertEquals("<notification-" + id(rows.get(0)) + "@closeout>", mails.get(0).messageId());

        assertProblem(HttpStatus.CONFLICT, "force=true", () -> sendDigest("pay", "2026-W49", false));
        String conflict = assertProblem(HttpStatus.CONFLICT, "week: ", () -> sendDigest("pay", "2026-W49", false));
        assertTrue(conflict.contains("2026-W49"), conflict);
        assertTrue(mailbox.newMail(clock.instant()).isEmpty(), "a refused send sends nothing");

        clock.advance(Duration.ofMinutes(5));
        Map<String, Object> forced = sendDigest("pay", "2026-W49", true);
        assertEquals("sent", list(forced.get("notifications")).get(0).get("state"));
        List<Mail> again = mailbox.newMail(clock.instant());
        assertEquals(1, again.size());
        assertEquals(mails.get(0).subject(), again.get(0).subject());
        assertEquals(2, notifications("?kind=digest&team=pay&state=sent").size(), "two mails in all");
    }

    @Test
    void aTeamThatGetsItsFirstChannelAfterMondaysDigestWentNowhereGetsTheWeekStill() {
        // Monday 09:00: pay has no channel, so its digest of 2026-W49 is kept as skipped
        walk(Instant.parse("2026-12-07T10:00:00Z"));
        assertEquals(List.of("skipped"), notifications("?kind=digest&team=pay").stream()
                .map(row -> row.get("state")).toList());

        // the team lead sets an address: the planner sends the week's digest there, once
        patchTeam(TwoTeams.PAY, Map.of("email", "pay-team@example.com"));
        walk(Instant.parse("2026-12-07T11:00:00Z"));
        assertEquals(1, received.stream().filter(mail -> mail.to().contains("pay-team@example.com")).count(),
                () -> received.toString());
        // and it counts as the week's: a send by hand without force is refused
        assertProblem(HttpStatus.CONFLICT, "force=true", () -> sendDigest("pay", "2026-W49", false));
    }

    @Test
    void aDigestRowAWorkerIsSendingIsNotSentASecondTimeByHand() {
        patchTeam(TwoTeams.PAY, Map.of("email", "pay-team@example.com"));
        // Monday 09:00: pay's digest is planned, and a worker of another instance takes it to send
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        planner.plan();
        long digest = id(notifications("?kind=digest&team=pay").get(0));
        List<Long> taken = notifications.claim(50, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                Duration.ofMinutes(5)).stream().map(Notification::id).toList();
        assertTrue(taken.contains(digest), taken::toString);

        List<Notification> after = sender.sendNow(List.of(digest));

        assertEquals(NotificationState.PENDING, after.get(0).state(), "still the worker's to send");
        assertTrue(mailbox.newMail(clock.instant()).stream().noneMatch(mail -> mail.to().contains("pay-team@example.com")),
                "sent by hand while the worker sends it: twice");
    }

    @Test
    void anEscalationGoesToTheEscalationChannelsWebhookAndATeamChannelNever() {
        try (WebhookReceiver leads = WebhookReceiver.start(); WebhookReceiver team = WebhookReceiver.start()) {
            patchTeam(TwoTeams.PAY, Map.of("escalation_contact", leads.url("/services/T0PAY00/B0LEADS/l3adsT0k3n"),
                    "slack_webhook_url", team.url(SLACK_PATH)));
            // due 9 December: 14 days overdue on Wednesday the 23rd
            clock.set(Instant.parse("2026-12-23T00:00:00Z"));
            walk(Instant.parse("2026-12-23T12:00:00Z"));

            WebhookReceiver.Received escalation = leads.one();
            String text = (String) read(escalation).get("text");
            assertTrue(text.startsWith("*Escalation: follow-up overdue by 14 days: Roll back pricing-service release"),
                    text);
            assertTrue(text.contains("<" + PUBLIC_URL + "/follow-ups/" + priyaRollback + "|#" + priyaRollback + ">"),
                    text);
            // the team's channel got priya's reminder (she has no address), not the escalation
            assertTrue(team.received().stream().map(post -> (String) read(post).get("text"))
                    .noneMatch(posted -> posted.startsWith("*Escalation")), team.received()::toString);
            Map<String, Object> row = notifications("?kind=escalation&team=pay&action=" + priyaRollback).get(0);
            assertEquals("slack", row.get("channel"));
            assertEquals("escalation", row.get("recipient"));
            assertEquals("sent", row.get("state"));
        }
    }

    @Test
    void aSlowChannelLeavesTheRestOfItsBatchToBeTakenAgainAfterTheLeaseAndSendsEachOnce() {
        List<Long> pay = teams.payActions();
        for (long id : pay) {
            due(id, "2026-12-09");
        }
        try (WebhookReceiver slack = WebhookReceiver.start()) {
            // each post takes the receiver two minutes; the lease is five, so a batch stops after two and a half
            slack.onEachRequest(() -> clock.advance(Duration.ofMinutes(2)));
            patchTeam(TwoTeams.PAY, Map.of("slack_webhook_url", slack.url(SLACK_PATH)));
            clock.set(Instant.parse("2026-12-09T09:30:00Z"));
            planner.plan();

            assertEquals(2, sender.sendPending(), "a third post would go after half the lease");
            assertEquals(2, slack.received().size());
            List<Map<String, Object>> left = notifications("?kind=reminder&team=pay&state=pending");
            assertEquals(pay.size() - 2, left.size(), left::toString);

            // nobody takes them again until their lease is over; then every one goes, once
            assertEquals(0, sender.sendPending());
            clock.advance(Duration.ofMinutes(5));
            while (!notifications("?kind=reminder&team=pay&state=pending").isEmpty()) {
                sender.sendPending();
                clock.advance(Duration.ofMinutes(5));
            }
            assertEquals(pay.size(), slack.received().size());
            assertEquals(pay.size(), slack.received().stream().map(post -> post.header(WebhookChannel.DELIVERY_HEADER))
                    .distinct().count(), "each reminder posted once");
        }
    }

    @Test
    void theDigestGoesToSlackInMrkdwn() {
        try (WebhookReceiver slack = WebhookReceiver.start()) {
            patchTeam(TwoTeams.PAY, Map.of("slack_webhook_url", slack.url(SLACK_PATH)));
            String mrkdwn = (String) getJson("/api/teams/pay/digest/preview?week=2026-W49").get("slack_text");

            Map<String, Object> sent = sendDigest("pay", "2026-W49", false);

            assertEquals("sent", list(sent.get("notifications")).get(0).get("state"));
            WebhookReceiver.Received post = slack.one();
            assertEquals(SLACK_PATH, post.path());
            Map<String, Object> body = read(post);
            assertEquals(mrkdwn, body.get("text"));
            assertTrue(mrkdwn.startsWith("*Weekly review 2026-W49: Payments"), mrkdwn);
            assertNull(post.header(WebhookSignature.HEADER), "Slack bodies are not signed");
        }
    }

    @Test
    void aSlackWebhookAnswering404FailsTheDigestWithoutTheUrlAndCountsItOnPrometheus() {
        try (WebhookReceiver slack = WebhookReceiver.start()) {
            slack.answer(404, "no_service");
            patchTeam(TwoTeams.PAY, Map.of("email", "pay-team@example.com",
                    "slack_webhook_url", slack.url(SLACK_PATH)));

            Map<String, Object> sent = sendDigest("pay", "2026-W49", false);

            Map<String, Object> failed = list(sent.get("notifications")).stream()
                    .filter(row -> "slack".equals(row.get("channel"))).findFirst().orElseThrow();
            assertEquals("failed", failed.get("state"));
            String reason = (String) failed.get("reason");
            assertTrue(reason.contains("404"), reason);
            assertFalse(reason.contains("q8XbS3cr3tT0k3n") || reason.contains("/services/"), reason);
            assertEquals("failed", notifications("?state=failed").get(0).get("state"));
            // the e-mail went all the same
            assertEquals(1, mailbox.newMail(clock.instant()).size());
        }
        // the gauge reads the database at most every 15 seconds of the clock
        clock.advance(Duration.ofMinutes(1));
        String metrics = client.retrieve(HttpRequest.GET("/prometheus").bearerAuth(ADMIN));
        Matcher gauge = Pattern.compile(
                "closeout_notifications\\{channel=\"slack\",kind=\"digest\",state=\"failed\",?} ([0-9.]+)")
                .matcher(metrics);
        assertTrue(gauge.find(), metrics);
        assertTrue(Double.parseDouble(gauge.group(1)) >= 1, gauge.group());
        assertFalse(metrics.contains("q8XbS3cr3tT0k3n"));
    }

    // --- the generic webhook

    @Test
    void aReminderOnTheGenericWebhookCarriesTheFollowUpAndASignatureThatVerifies() {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            patchTeam(TwoTeams.WEB, Map.of("time_zone", "America/New_York",
                    "webhook_url", hook.url("/hooks/closeout/9f2c41")));
            due(webAlert, "2026-12-07");
            // 09:00 in New York
            clock.set(Instant.parse("2026-12-07T14:00:00Z"));
            planner.plan();
            sender.sendPending();

            // the web team's Monday digest goes there too
            List<WebhookReceiver.Received> reminders = hook.received().stream()
                    .filter(post -> "reminder".equals(read(post).get("kind"))).toList();
            assertEquals(1, reminders.size(), () -> hook.received().stream().map(WebhookReceiver.Received::text)
                    .toList().toString());
            WebhookReceiver.Received post = reminders.get(0);
            Map<String, Object> body = read(post);
            assertEquals("reminder", body.get("kind"));
            Map<String, Object> followUp = map(body.get("follow_up"));
            assertEquals(webAlert, number(followUp.get("id")));
            assertEquals(PUBLIC_URL + "/follow-ups/" + webAlert, followUp.get("url"));
            assertEquals("2026-12-07", followUp.get("due_date"));
            assertEquals("Postmortem: search results empty for 40 minutes", map(body.get("postmortem")).get("title"));
            assertEquals(WebhookSignature.header(WEBHOOK_SECRET, post.body()), post.header(WebhookSignature.HEADER));
            assertEquals("notification-" + number(body.get("notification_id")),
                    post.header(WebhookChannel.DELIVERY_HEADER));

            Map<String, Object> row = notifications("?action=" + webAlert).get(0);
            assertEquals("webhook", row.get("channel"));
            assertEquals("team", row.get("recipient"));
            assertEquals("sent", row.get("state"));
        }
    }

    // --- the API as people use it

    /** Both teams in their zones, reached by e-mail: priya by the members table, the web team by its list. */
    void bothTeamsByEmail() {
        patchTeam(TwoTeams.PAY, Map.of("time_zone", "Europe/Berlin", "email", "pay-team@example.com",
                "members", Map.of("priya", "priya@example.com"), "escalation_contact", "pay-leads@example.com"));
        patchTeam(TwoTeams.WEB, Map.of("time_zone", "America/New_York", "email", "web-team@example.com"));
    }

    /** Every row the admin sees with {@code query}, all pages. */
    List<Map<String, Object>> notifications(String query) {
        Map<String, Object> page = getJson("/api/notifications" + query + (query.isEmpty() ? "?" : "&") + "limit=200");
        assertNull(page.get("next"));
        return list(page.get("items"));
    }

    Map<String, Object> sendDigest(String team, String week, boolean force) {
        return client.retrieve(HttpRequest.POST("/api/teams/" + team + "/digest/send?week=" + week
                + (force ? "&force=true" : ""), "").bearerAuth(ADMIN), JSON_OBJECT);
    }

    Map<String, Object> read(WebhookReceiver.Received post) {
        try {
            return json.readValue(post.body(), JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> where(List<Map<String, Object>> rows, Predicate<Map<String, Object>> test) {
        return rows.stream().filter(test).toList();
    }

    static void assertDescending(List<Map<String, Object>> rows) {
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(id(rows.get(i - 1)) > id(rows.get(i)), "newest first: " + rows);
        }
    }

    static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
