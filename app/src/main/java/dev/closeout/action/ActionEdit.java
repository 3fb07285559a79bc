package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What a person changes on a follow-up. A null component was not asked for and stays as it is; a
 * {@link Change} holding null clears the field. Kind and text cannot be cleared, so they need no Change.
 * {@code snoozedUntil} is the day reminders to the owner start again (null: not snoozed).
 */
public record ActionEdit(
        @Nullable Change<String> owner,
        @Nullable Change<Long> teamId,
        @Nullable Change<LocalDate> due,
        @Nullable Change<String> priority,
        @Nullable String kind,
        @Nullable String text,
        @Nullable Change<LocalDate> snoozedUntil) {

    /** A new value for a field, null to clear it. */
    public record Change<T>(@Nullable T value) {
    }
}
