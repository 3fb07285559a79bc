package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * A notification the planner decided on, before it is a row: pending, or skipped with its reason when nobody
 * can be reached ({@link Channel#NONE}).
 */
record PlannedNotification(NotificationKind kind, String subjectKey, String occasion, Channel channel,
                           @Nullable Long actionId, @Nullable Long teamId, @Nullable String recipient,
                           @Nullable LocalDate dueDate, @Nullable Integer offsetDays, LocalDate sendDay,
                           @Nullable String skippedBecause) {

    NotificationState state() {
        return skippedBecause == null ? NotificationState.PENDING : NotificationState.SKIPPED;
    }
}
