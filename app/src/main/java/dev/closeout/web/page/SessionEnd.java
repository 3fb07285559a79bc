package dev.closeout.web.page;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A web session ended by sign-out, kept until its cookie would have expired (UTC). */
@MappedEntity("web_session_end")
record SessionEnd(@Id String sessionId, LocalDateTime expiresAt) {
}
