package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A form that changes something: it carries the session's CSRF token in {@code csrf}. */
@Serdeable
public record ChangeForm(@Nullable String csrf) {
}
