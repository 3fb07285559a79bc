package dev.closeout.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens this instance recently found, so a client's requests do not each look their token up:
 * {@code closeout.security.token-cache-ttl} (default 5 s; 0 turns the cache off) after a lookup the token is
 * looked up again. A token revoked here is forgotten at once; one revoked through another instance is
 * refused here within the TTL, as each instance finds it gone on its next lookup. Only tokens found are
 * kept (a new token works at once, and made-up tokens cannot fill the memory); at most {@link #MAX_TOKENS}.
 */
@Singleton
class TokenCache {

    static final int MAX_TOKENS = 10_000;

    private record Entry(Caller caller, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;

    TokenCache(Clock clock, @Value("${closeout.security.token-cache-ttl:5s}") Duration ttl) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    /** The caller of the token with SHA-256 {@code hash}, if it was found within the TTL. */
    Optional<Caller> cached(String hash) {
        Entry entry = entries.get(hash);
        return entry != null && clock.millis() < entry.expiresAtMillis() ? Optional.of(entry.caller())
                : Optional.empty();
    }

    /** Remembers what a lookup of the token with SHA-256 {@code hash} found, and answers it. */
    Optional<Caller> remember(String hash, Optional<Caller> found) {
        if (found.isEmpty()) {
            entries.remove(hash);
        } else if (ttlMillis > 0) {
            if (entries.size() >= MAX_TOKENS) {
                entries.clear();
            }
            entries.put(hash, new Entry(found.get(), clock.millis() + ttlMillis));
        }
        return found;
    }

    /** Forgets every token: one was revoked (by id, so which one is not known here). */
    void clear() {
        entries.clear();
    }
}
