package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A notification as the API shows it. {@code recipient} is the e-mail address(es), or for slack and webhook
 * which of the team's settings holds the URL ({@code team}, {@code escalation}): never the URL, which is a secret.
 * {@code reason} says why a row was skipped or failed, or, while pending, what went wrong at the last try;
 * {@code last_error} is that last delivery error alone (pending or failed), as a Jira ticket's status names it.
 */
@Serdeable
record NotificationResponse(long id, String kind, String state, String channel, @Nullable String recipient,
                            @Nullable Long actionId, @Nullable String team, String occasion,
                            @Nullable LocalDate dueDate, @Nullable Integer offsetDays, LocalDate sendDay,
                            int attempts, @Nullable String reason, @Nullable String lastError,
                            @Nullable Instant nextAttemptAt,
                            @Nullable Instant sentAt, Instant createdAt, Instant updatedAt) {

    static NotificationResponse of(Notification n, @Nullable String teamKey) {
        return new NotificationResponse(n.id(), n.kind().wireName(), n.state().wireName(), n.channel().wireName(),
                n.recipient(), n.actionId(), teamKey, n.occasion(), n.dueDate(), n.offsetDays(), n.sendDay(),
                n.attempts(), n.reason(),
                n.state() == NotificationState.PENDING || n.state() == NotificationState.FAILED ? n.reason() : null,
                n.state() == NotificationState.PENDING ? utc(n.nextAttemptAt()) : null,
                utc(n.sentAt()), utc(n.createdAt()), utc(n.updatedAt()));
    }

    private static @Nullable Instant utc(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
