package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The owner and due date form of a follow-up (an empty field clears the value), with the version the page showed
 * and the page to go back to.
 */
@Serdeable
public record FollowupEditForm(@Nullable String csrf, @Nullable String version, @Nullable String back,
                               @Nullable String owner, @Nullable String due) {
}
