package dev.closeout.notify;

import dev.closeout.action.MovableClock;
import dev.closeout.notify.Mailbox.Mail;
import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances sharing the database and the clock plan and send at the same moments, as two replicas behind a
 * load balancer do: every message goes exactly once.
 */
class NotificationTwoInstancesTest extends NotificationTestBase {

    static final int FOLLOW_UPS = 40;

    ApplicationContext second;
    MovableClock secondClock;
    NotificationPlanner secondPlanner;
    NotificationSender secondSender;

    @BeforeAll
    void secondInstance() {
        second = ApplicationContext.run(Map.copyOf(getProperties()), "test");
        secondClock = second.getBean(MovableClock.class);
        secondPlanner = second.getBean(NotificationPlanner.class);
        secondSender = second.getBean(NotificationSender.class);
    }

    @AfterAll
    void stopSecond() {
        second.close();
    }

    @Test
    void twoInstancesTickingTogetherSendEveryMessageExactlyOnce() throws Exception {
        twoTeamsFrom(Instant.parse("2026-12-11T00:00:00Z"));
        secondClock.set(clock.instant());
        exchange(HttpRequest.PATCH("/api/teams/" + TwoTeams.PAY, Map.of("email", "pay-team@example.com",
                "escalation_contact", "pay-leads@example.com")).bearerAuth(ADMIN));
        List<Long> ids = importFollowUps(teams);
        assertEquals(FOLLOW_UPS, ids.size());
        mailbox.newMail(clock.instant());

        // Friday to the Friday after, hourly: both instances plan and send at each tick, at the same moment
        CyclicBarrier together = new CyclicBarrier(2);
        Instant until = Instant.parse("2026-12-18T23:00:00Z");
        while (clock.instant().isBefore(until)) {
            set(clock.instant().plus(Duration.ofHours(1)));
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> tick(together, planner, sender));
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> tick(together, secondPlanner, secondSender));
            one.get();
            two.get();
            received.addAll(mailbox.newMail(clock.instant()));
        }

        Map<String, Long> byMessageId = received.stream().collect(Collectors.groupingBy(Mail::messageId,
                Collectors.counting()));
        assertTrue(byMessageId.values().stream().allMatch(count -> count == 1), () -> "sent twice: " + byMessageId);
        List<Map<String, Object>> sent = sentNotifications();
        assertEquals(sent.size(), received.size(), "one mail per sent notification");
        // each follow-up is due on a day of the two weeks: -3d, 0d, +1d and +7d fall inside for most of them
        Map<Long, Long> perFollowUp = sent.stream().filter(row -> "reminder".equals(row.get("kind")))
                .collect(Collectors.groupingBy(row -> ((Number) row.get("action_id")).longValue(),
                        Collectors.counting()));
        assertTrue(perFollowUp.keySet().containsAll(ids), () -> "not every follow-up was reminded: " + perFollowUp);
        assertTrue(received.size() > 2 * FOLLOW_UPS, "a real volume: " + received.size());
    }

    private void tick(CyclicBarrier together, NotificationPlanner planner, NotificationSender sender) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        planner.plan();
        sender.sendPending();
    }

    private void set(Instant instant) {
        clock.set(instant);
        secondClock.set(instant);
    }

    /** Forty follow-ups of pay's Checkout service, each owned by someone with an address, due on the days around. */
    private List<Long> importFollowUps(TwoTeams teams) {
        StringBuilder markdown = new StringBuilder("""
                # Postmortem: checkout timeouts during the sale

                **Service:** Checkout
                **Incident start:** 2026-12-01 10:00 UTC

                ## Root cause
                The payment gateway's connection pool was too small for the sale's traffic.

                ## Action items

                | Action | Owner | Due |
                | --- | --- | --- |
                """);
        LocalDate first = LocalDate.parse("2026-12-09");
        for (int i = 0; i < FOLLOW_UPS; i++) {
            markdown.append("| Raise the gateway pool limit on shard ").append(i + 1).append(" | owner").append(i)
                    .append("@example.com | ").append(first.plusDays(i % 10)).append(" |\n");
        }
        Map<String, Object> postmortem = teams.importMarkdown("confluence/PAY/sale-timeouts.md", markdown.toString());
        return list(postmortem.get("actions")).stream().map(ApiTestBase::id).toList();
    }

    private List<Map<String, Object>> sentNotifications() {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = getJson("/api/notifications?state=sent&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            rows.addAll(list(page.get("items")));
            cursor = (String) page.get("next");
        } while (cursor != null);
        return rows;
    }
}
