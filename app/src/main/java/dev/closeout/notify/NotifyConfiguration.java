package dev.closeout.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Reminders, escalations and digests under {@code closeout.notify} (docs/notifications.md). SMTP is
 * {@link SmtpConfiguration}; teams set their own zone, channels and offsets through the team API.
 *
 * @param enabled           plans and sends notifications on this instance (default true; with no channel configured
 *                          nothing goes out, and each notification says why)
 * @param reminderOffsets   days from the due date a follow-up's owner is reminded at, default -3d, 0d, +1d, +7d
 * @param repeatEvery       after the last offset, a reminder this often while the follow-up stays overdue, default 7d
 * @param escalateAfter     overdue this long, the team's escalation contact is told, then each {@code repeatEvery},
 *                          default 14d
 * @param sendAt            the local time reminders and digests go at, default 09:00
 * @param timeZone          the zone of {@code sendAt} for teams that set none, default UTC
 * @param reviewRecipients  e-mail addresses that get the digest of all teams every Monday
 * @param interval          how often each instance looks for notifications to plan and send, default 1m
 * @param retryDelay        pause after a passing failure; doubled at each further one, default 1m
 * @param maxRetryDelay     the longest such pause, default 1h
 * @param claimLease        how long a worker owns the notifications it took before another may take them, default 5m
 * @param webhookSecret     key of the HMAC-SHA256 signature on generic webhook bodies (header
 *                          {@code X-Closeout-Signature}); a secret, never logged
 * @param webhookTimeout    time for a webhook's whole answer, default 10s
 */
@ConfigurationProperties(NotifyConfiguration.PREFIX)
public record NotifyConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "-3d,0d,+1d,+7d") List<String> reminderOffsets,
        @Bindable(defaultValue = "7d") Duration repeatEvery,
        @Bindable(defaultValue = "14d") Duration escalateAfter,
        @Bindable(defaultValue = "09:00") LocalTime sendAt,
        @Bindable(defaultValue = "UTC") ZoneId timeZone,
        @Nullable List<String> reviewRecipients,
        @Bindable(defaultValue = "1m") Duration interval,
        @Bindable(defaultValue = "1m") Duration retryDelay,
        @Bindable(defaultValue = "1h") Duration maxRetryDelay,
        @Bindable(defaultValue = "5m") Duration claimLease,
        @Nullable String webhookSecret,
        @Bindable(defaultValue = "10s") Duration webhookTimeout) {

    public static final String PREFIX = "closeout.notify";

    public NotifyConfiguration {
        // an environment variable left empty means "not set", not an empty secret or an address ""
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        reviewRecipients = reviewRecipients == null ? List.of()
                : reviewRecipients.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "NotifyConfiguration[enabled=" + enabled + ", reminderOffsets=" + reminderOffsets + ", sendAt=" + sendAt
                + ", timeZone=" + timeZone + ", webhookSecret=" + (webhookSecret == null ? "unset" : "set") + "]";
    }
}
