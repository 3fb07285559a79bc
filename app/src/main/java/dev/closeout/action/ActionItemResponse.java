package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A follow-up as the API shows it; {@code team} is the team's key. {@code origin} says who found it (the engine,
 * or a person who added what the extraction missed); a {@code dismissed} one is no follow-up, for
 * {@code dismissalReason}, until it is restored. {@code snoozedUntil}: no reminder to the owner before that day.
 */
@Serdeable
public record ActionItemResponse(
        long id,
        long postmortemId,
        int position,
        String text,
        @Nullable String kind,
        @Nullable String group,
        @Nullable String owner,
        @Nullable OwnerSource ownerSource,
        @Nullable String team,
        @Nullable LocalDate due,
        @Nullable DueSource dueSource,
        @Nullable String priority,
        ActionStatus status,
        @Nullable String statusReason,
        boolean overdue,
        @Nullable String ticket,
        @Nullable Integer sourceLine,
        boolean removedFromSource,
        ActionOrigin origin,
        boolean dismissed,
        @Nullable String dismissalReason,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant closedAt,
        @Nullable LocalDate snoozedUntil,
        long version) {

    static ActionItemResponse of(ActionItem action, @Nullable String teamKey, LocalDate today) {
        return new ActionItemResponse(action.id(), action.postmortemId(), action.position(), action.text(),
                action.kind(), action.group(), action.owner(), action.ownerSource(), teamKey, action.dueDate(),
                action.dueSource(), action.priority(), action.status(), action.statusReason(),
                action.isOverdue(today), action.ticketRef(), action.sourceLine(), action.removedFromSource(),
                action.origin(), action.dismissed(), action.dismissalReason(), utc(action.createdAt()),
                utc(action.updatedAt()), action.closedAt() == null ? null : utc(action.closedAt()),
                action.snoozedUntil(), ActionVersion.of(action));
    }

    private static Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }
}
