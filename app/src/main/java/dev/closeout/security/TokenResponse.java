package dev.closeout.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.ZoneOffset;

/** A token as admins see it; {@code token} is set only in the answer to its creation. */
@Serdeable
record TokenResponse(long id, String name, Role role, @Nullable String team, Instant createdAt,
                     @Nullable String token) {

    static TokenResponse of(ApiToken stored, @Nullable String teamKey, @Nullable String token) {
        return new TokenResponse(stored.id(), stored.name(), stored.role(), teamKey,
                stored.createdAt().toInstant(ZoneOffset.UTC), token);
    }
}
