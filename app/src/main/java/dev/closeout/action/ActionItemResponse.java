package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A follow-up as the API shows it. */
@Serdeable
public record ActionItemResponse(
        long id,
        long postmortemId,
        int position,
        String text,
        @Nullable String kind,
        @Nullable String group,
        @Nullable String owner,
        @Nullable Long teamId,
        @Nullable LocalDate due,
        @Nullable String priority,
        ActionStatus status,
        boolean overdue,
        @Nullable String ticket,
        @Nullable Integer sourceLine,
        boolean removedFromSource,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant closedAt,
        long version) {

    public static ActionItemResponse of(ActionItem action, LocalDate today) {
        return new ActionItemResponse(action.id(), action.postmortemId(), action.position(), action.text(),
                action.kind(), action.group(), action.owner(), action.teamId(), action.dueDate(), action.priority(),
                action.status(), action.isOverdue(today), action.ticketRef(), action.sourceLine(),
                action.removedFromSource(), utc(action.createdAt()), utc(action.updatedAt()),
                action.closedAt() == null ? null : utc(action.closedAt()),
                action.version() == null ? 0 : action.version());
    }

    private static Instant utc(java.time.LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }
}
