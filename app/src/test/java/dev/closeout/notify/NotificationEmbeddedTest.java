package dev.closeout.notify;

import dev.closeout.notify.Mailbox.Mail;
import dev.closeout.support.EmbeddedDefault;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.closeout.db.jooq.Tables.NOTIFICATION;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders and digests on the embedded H2 default a first-run user gets: the planner's insert that ignores a row
 * already there, both claims' {@code FOR UPDATE SKIP LOCKED}, sending by e-mail and the list must work there too.
 */
class NotificationEmbeddedTest extends NotificationTestBase {

    long priyaRollback;

    @Override
    Map<String, String> database() {
        return EmbeddedDefault.properties();
    }

    @BeforeEach
    void payRemindsPriyaAndSendsItsDigestByEmail() {
        // Monday 7 December 2026, before 09:00 UTC
        twoTeamsFrom(Instant.parse("2026-12-07T00:00:00Z"));
        exchange(HttpRequest.PATCH("/api/teams/" + TwoTeams.PAY, Map.of("email", "pay-team@example.com",
                "members", Map.of("priya", "priya@example.com"))).bearerAuth(ADMIN));
        priyaRollback = teams.checkoutActions.get(2);
        List<Long> all = new ArrayList<>(teams.payActions());
        all.addAll(teams.searchActions);
        for (long id : all) {
            due(id, id == priyaRollback ? "2026-12-07" : "2027-06-01");
        }
    }

    @Test
    void aReminderIsPlannedOnceSentByEmailAndListed() {
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        assertTrue(planner.plan() > 0);
        assertEquals(0, planner.plan(), "planned already");

        sender.sendPending();

        List<Mail> mails = mailbox.newMail(clock.instant());
        List<Mail> priyas = mails.stream().filter(mail -> mail.to().equals(List.of("priya@example.com"))).toList();
        assertEquals(1, priyas.size(), mails::toString);
        assertEquals("Follow-up due today: Roll back pricing-service release 4.12.0 everywhere",
                priyas.get(0).subject());
        List<Map<String, Object>> rows = list(getJson("/api/notifications?action=" + priyaRollback).get("items"));
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("sent", rows.get(0).get("state"));
        assertEquals("priya@example.com", rows.get(0).get("recipient"));
        assertEquals("pay", rows.get(0).get("team"));
        assertEquals("<notification-" + id(rows.get(0)) + "@closeout>", priyas.get(0).messageId());
    }

    @Test
    void aRowPlannedTwiceIsWrittenOnce() {
        LocalDateTime now = LocalDateTime.of(2026, 12, 7, 9, 0);
        PlannedNotification reminder = new PlannedNotification(NotificationKind.REMINDER,
                Notification.actionSubject(priyaRollback), Notification.followUpOccasion(LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 12, 7)), Channel.EMAIL, priyaRollback, null, "priya@example.com",
                LocalDate.of(2026, 12, 7), 0, LocalDate.of(2026, 12, 7), null);

        assertEquals(1, notifications.plan(List.of(reminder), now));
        assertEquals(0, notifications.plan(List.of(reminder), now.plusMinutes(1)));

        assertEquals(1, (int) transactions.executeRead(status ->
                dsl.fetchCount(NOTIFICATION, NOTIFICATION.ACTION_ID.eq(priyaRollback))));
    }

    @Test
    void aClaimSkipsTheRowsAnotherWorkerHoldsAndLeasesWhatItTakes() throws Exception {
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        planner.plan();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Long> pending = transactions.executeRead(status -> dsl.select(NOTIFICATION.ID).from(NOTIFICATION)
                .where(NOTIFICATION.STATE.eq(NotificationState.PENDING.wireName())).orderBy(NOTIFICATION.ID)
                .fetch(NOTIFICATION.ID));
        assertTrue(pending.size() >= 2, "priya's reminder and pay's digest, at least: " + pending);
        long held = pending.get(0);

        // another worker holds one row in its open transaction
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherWorker = CompletableFuture.runAsync(() ->
                transactions.executeWrite(status -> {
                    dsl.select(NOTIFICATION.ID).from(NOTIFICATION).where(NOTIFICATION.ID.eq(held)).forUpdate().fetch();
                    locked.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        List<Long> taken;
        try {
            assertTrue(locked.await(60, TimeUnit.SECONDS), "the other worker locked its row");
            taken = notifications.claim(50, now, Duration.ofMinutes(5)).stream().map(Notification::id).toList();
        } finally {
            release.countDown();
        }
        otherWorker.get(60, TimeUnit.SECONDS);

        assertEquals(pending.subList(1, pending.size()), taken, "every free row, not the held one");
        // the held row is free now; the others are leased for five minutes
        assertEquals(List.of(held), notifications.claim(50, now, Duration.ofMinutes(5)).stream()
                .map(Notification::id).toList());
        assertEquals(List.of(), notifications.claim(50, now.plusMinutes(4), Duration.ofMinutes(5)));
        assertEquals(pending, notifications.claim(50, now.plusMinutes(6), Duration.ofMinutes(5)).stream()
                .map(Notification::id).toList());
    }

    @Test
    void aDigestSentByHandIsClaimedByIdAndGoesOnce() {
        Map<String, Object> sent = client.retrieve(HttpRequest.POST("/api/teams/pay/digest/send?week=2026-W49", "")
                .bearerAuth(ADMIN), JSON_OBJECT);

        assertEquals("sent", list(sent.get("notifications")).get(0).get("state"), sent::toString);
        List<Mail> mails = mailbox.newMail(clock.instant());
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).subject().startsWith("Weekly review 2026-W49: Payments"), mails.get(0).subject());
        assertProblem(HttpStatus.CONFLICT, "force=true", () -> client.retrieve(
                HttpRequest.POST("/api/teams/pay/digest/send?week=2026-W49", "").bearerAuth(ADMIN), JSON_OBJECT));
    }

    /** Sets a follow-up's due date as a client that just read it: with its ETag. */
}
