package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The form that dismisses a follow-up as no follow-up at all, with why ({@code reason}), or restores a dismissed one
 * (no reason), and the page to go back to. Neither carries a version: as in the API, a dismissal stands whatever else
 * changed meanwhile, and one made twice is refused as such.
 */
@Serdeable
public record DismissalForm(@Nullable String csrf, @Nullable String back, @Nullable String reason) {
}
