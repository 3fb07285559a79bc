package dev.closeout.web.page;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions ended by sign-out, on every instance: stored in {@code web_session_end}, so a cookie signed out
 * through one instance is refused by the others too. A session found still live is not looked up again for
 * {@code closeout.security.token-cache-ttl} (default 5 s), the same delay within which a revoked token stops
 * working elsewhere; on the instance that signed it out, it ends at once.
 */
@Singleton
class SignedOutSessions {

    /** More live sessions than this in the memory of one instance and it starts over: a bound, not a tuning. */
    static final int MAX_REMEMBERED = 10_000;

    private final SessionEndRepository ends;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Instant> endedHere = new ConcurrentHashMap<>();
    private final Map<String, Long> liveUntilMillis = new ConcurrentHashMap<>();

    SignedOutSessions(SessionEndRepository ends, Clock clock,
                      @Value("${closeout.security.token-cache-ttl:5s}") Duration ttl) {
        this.ends = ends;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    /** Ends {@code session} for every instance. Signing out twice (two tabs) is the same as once. */
    void end(PageSession session) {
        Instant now = clock.instant();
        endedHere.values().removeIf(expiry -> expiry.isBefore(now));
        endedHere.put(session.id(), session.expiresAt());
        liveUntilMillis.remove(session.id());
        if (!ends.existsById(session.id())) {
            ends.save(new SessionEnd(session.id(), LocalDateTime.ofInstant(session.expiresAt(), ZoneOffset.UTC)));
        }
        ends.deleteByExpiresAtLessThan(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    /** Whether the session with {@code id} was signed out, here or on another instance. */
    boolean isEnded(String id) {
        if (endedHere.containsKey(id)) {
            return true;
        }
        long now = clock.millis();
        Long liveUntil = liveUntilMillis.get(id);
        if (liveUntil != null && now < liveUntil) {
            return false;
        }
        if (ends.existsById(id)) {
            liveUntilMillis.remove(id);
            return true;
        }
        if (ttlMillis > 0) {
            if (liveUntilMillis.size() >= MAX_REMEMBERED) {
                liveUntilMillis.clear();
            }
            liveUntilMillis.put(id, now + ttlMillis);
        }
        return false;
    }
}
