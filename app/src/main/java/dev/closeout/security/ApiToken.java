package dev.closeout.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** An API token as stored: its SHA-256, never the token itself. {@code teamId} scopes it to one team. */
@MappedEntity("api_token")
public record ApiToken(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String tokenHash,
        Role role,
        @Nullable Long teamId,
        LocalDateTime createdAt) {
}
