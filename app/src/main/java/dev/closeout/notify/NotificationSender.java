package dev.closeout.notify;

import dev.closeout.notify.NotifyQueries.FollowUp;
import dev.closeout.notify.NotifyQueries.TeamName;
import dev.closeout.report.IsoWeek;
import dev.closeout.report.WeeklyReviews;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sends what is pending (docs/notifications.md, "Exactly once"). A worker claims rows under a lease, looks
 * again at what each is about (a follow-up closed, dismissed, moved or snoozed since it was planned gets
 * nothing), writes the message as things stand now, sends it and marks the row. A passing failure leaves the
 * row pending with a doubling pause; a refusal marks it failed with the reason. A crash between sending and
 * marking sends that one message again when the lease runs out: at most one duplicate, never a loss.
 */
@Singleton
class NotificationSender {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    static final int BATCH = 50;

    private final Notifications notifications;
    private final NotifyQueries queries;
    private final TeamNotifySettings settings;
    private final FollowUpMessages followUpMessages;
    private final DigestMessages digestMessages;
    private final WeeklyReviews reviews;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final NotifyConfiguration configuration;
    private final Clock clock;

    NotificationSender(Notifications notifications, NotifyQueries queries, TeamNotifySettings settings,
                       FollowUpMessages followUpMessages, DigestMessages digestMessages, WeeklyReviews reviews,
                       MailChannel mail, WebhookChannel webhooks, NotifyConfiguration configuration, Clock clock) {
        this.notifications = notifications;
        this.queries = queries;
        this.settings = settings;
        this.followUpMessages = followUpMessages;
        this.digestMessages = digestMessages;
        this.reviews = reviews;
        this.mail = mail;
        this.webhooks = webhooks;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Sends batches of what is due until none is left; returns how many rows were taken. A batch sent slowly (a mail
     * server taking its whole time-out per message) stops once half its lease is gone: the rest keep their lease
     * and are taken again after it, by any worker, rather than sent here after another worker took them too.
     */
    int sendPending() {
        int taken = 0;
        List<Notification> batch;
        do {
            LocalDateTime claimed = now();
            LocalDateTime stopAt = claimed.plus(configuration.claimLease().dividedBy(2));
            batch = notifications.claim(BATCH, claimed, configuration.claimLease());
            for (Notification notification : batch) {
                if (now().isAfter(stopAt)) {
                    LOG.warn("Notifications: sending is slow; {} taken are left to be taken again after their lease",
                            batch.size() - batch.indexOf(notification));
                    return taken;
                }
                deliver(notification);
                taken++;
            }
        } while (batch.size() == BATCH);
        return taken;
    }

    /**
     * Sends the given rows now (a digest sent from the API, planned due now), but not one a worker took and may be
     * sending, which would go twice; returns them after.
     */
    List<Notification> sendNow(List<Long> ids) {
        notifications.claim(ids, now(), configuration.claimLease()).forEach(this::deliver);
        return notifications.findAll(ids);
    }

    private void deliver(Notification notification) {
        LocalDateTime now = now();
        try {
            Optional<String> stale = stale(notification);
            if (stale.isPresent()) {
                notifications.skipped(notification.id(), stale.get(), now);
                return;
            }
            Message message = message(notification);
            send(notification, message);
            notifications.sent(notification.id(), now());
        } catch (DeliveryException e) {
            if (e.isPermanent()) {
                LOG.warn("Notification {} ({} by {}) refused for good: {}", notification.id(),
                        notification.kind().wireName(), notification.channel().wireName(), e.getMessage());
                notifications.failed(notification.id(), e.getMessage(), now());
            } else {
                Duration pause = backoff(notification.attempts(), e.retryAfter().orElse(Duration.ZERO));
                LOG.warn("Notification {} ({} by {}) not sent, trying again in {}: {}", notification.id(),
                        notification.kind().wireName(), notification.channel().wireName(), pause, e.getMessage());
                notifications.retryLater(notification.id(), e.getMessage(), now().plus(pause), now());
            }
        } catch (RuntimeException e) {
            // the database or a bug: the row keeps its lease and is taken again when it runs out
            LOG.error("Notification {} could not be handled; it is taken again after its lease", notification.id(), e);
        }
    }

    /** Why a planned notification is no longer to be sent; empty: send it. */
    private Optional<String> stale(Notification notification) {
        if (notification.kind() == NotificationKind.DIGEST) {
            return Optional.empty();
        }
        Optional<FollowUp> found = queries.followUp(notification.actionId());
        if (found.isEmpty()) {
            return Optional.of("the follow-up is gone");
        }
        FollowUp followUp = found.get();
        if (followUp.dismissed()) {
            return Optional.of("the follow-up was dismissed before the " + notification.kind().wireName() + " was sent");
        }
        if (!followUp.open()) {
            return Optional.of("the follow-up was closed (" + followUp.status().wireName() + ") before the "
                    + notification.kind().wireName() + " was sent");
        }
        if (followUp.dueDate() == null || !followUp.dueDate().equals(notification.dueDate())) {
            return Optional.of("the due date moved from " + notification.dueDate() + " to "
                    + (followUp.dueDate() == null ? "none" : followUp.dueDate()));
        }
        if (notification.kind() == NotificationKind.REMINDER && followUp.snoozedUntil() != null
                && followUp.snoozedUntil().isAfter(notification.sendDay())) {
            return Optional.of("reminders are snoozed until " + followUp.snoozedUntil());
        }
        return Optional.empty();
    }

    private Message message(Notification notification) {
        if (notification.kind() != NotificationKind.DIGEST) {
            return followUpMessages.render(notification, queries.followUp(notification.actionId()).orElseThrow());
        }
        IsoWeek week = IsoWeek.parse(notification.occasion().split(" ")[0]);
        if (notification.teamId() == null) {
            return digestMessages.render(reviews.review(week, null), null, null, notification.id());
        }
        TeamName team = queries.team(notification.teamId()).orElseThrow();
        return digestMessages.render(reviews.review(week, team.id()), team.name(), team.key(), notification.id());
    }

    private void send(Notification notification, Message message) throws DeliveryException {
        String reference = "notification-" + notification.id();
        switch (notification.channel()) {
            case EMAIL -> {
                if (!mail.configured()) {
                    throw DeliveryException.permanent("e-mail is off (closeout.notify.smtp.host is not set)", null);
                }
                mail.send(reference, Arrays.stream(notification.recipient().split(",")).map(String::strip).toList(),
                        message);
            }
            case SLACK -> webhooks.sendSlack(reference, url(notification, true), message);
            case WEBHOOK -> webhooks.sendJson(reference, url(notification, false), message);
            case NONE -> throw DeliveryException.permanent("nobody to send it to", null);
        }
    }

    /** The team's URL for a slack or webhook row, read now: a URL changed since planning is the one used. */
    private String url(Notification notification, boolean slack) throws DeliveryException {
        TeamNotify team = notification.teamId() == null ? null : settings.find(notification.teamId());
        String url = team == null ? null
                : Notification.ESCALATION_CHANNEL.equals(notification.recipient()) ? team.escalationContact()
                : slack ? team.slackWebhookUrl() : team.webhookUrl();
        if (url == null) {
            throw DeliveryException.permanent("the team no longer has "
                    + (Notification.ESCALATION_CHANNEL.equals(notification.recipient()) ? "an escalation_contact"
                    : slack ? "a slack_webhook_url" : "a webhook_url"), null);
        }
        return url;
    }

    /** The pause before try {@code attempts + 1}: the retry delay doubled per failure, capped, and never shorter than asked. */
    Duration backoff(int attempts, @Nullable Duration asked) {
        Duration pause = configuration.retryDelay();
        for (int i = 1; i < attempts && pause.compareTo(configuration.maxRetryDelay()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        if (pause.compareTo(configuration.maxRetryDelay()) > 0) {
            pause = configuration.maxRetryDelay();
        }
        return asked != null && asked.compareTo(pause) > 0 ? asked : pause;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
