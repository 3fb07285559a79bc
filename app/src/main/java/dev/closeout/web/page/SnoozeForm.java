package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The form that snoozes a follow-up's reminders until a day ({@code until}), or stops snoozing them (empty), with
 * the version the page showed and the page to go back to.
 */
@Serdeable
public record SnoozeForm(@Nullable String csrf, @Nullable String version, @Nullable String back,
                         @Nullable String until) {
}
