package dev.closeout.web.page;

import java.time.Instant;

/**
 * A signed-in browser as its cookie says: a random id (new at each sign-in, so a session cannot be fixed
 * beforehand), the token it signed in with by reference ({@link dev.closeout.security.ApiTokens.SessionSubject}),
 * and when it ends.
 */
record PageSession(String id, String reference, Instant expiresAt) {
}
