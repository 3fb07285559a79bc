package dev.closeout.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tokens}: a name people recognise in history, a role, and optionally a team key. */
@Serdeable
record CreateTokenRequest(@NotBlank @Size(max = 200) String name, @NotBlank String role, @Nullable String team) {
}
