package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The sign-in form: an API token, and the page to go back to. */
@Serdeable
public record LoginForm(@Nullable String token, @Nullable String next) {
}
