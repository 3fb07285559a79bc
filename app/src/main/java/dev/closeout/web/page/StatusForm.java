package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The status form of a follow-up: the status to move to and the reason not_doing needs, the version the page
 * showed, and the page to go back to.
 */
@Serdeable
public record StatusForm(@Nullable String csrf, @Nullable String version, @Nullable String back, @Nullable String to,
                         @Nullable String reason) {
}
