package dev.closeout.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The token cache as two instances of the service see one revocation: the instance that revokes forgets at
 * once, the other refuses the token once its TTL has passed. Time is a clock the test moves.
 */
class TokenCacheTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Caller READER = new Caller("dashboard", Role.READER, 100_001L);

    private final SteppedClock clock = new SteppedClock();

    @Test
    void aTokenFoundIsAnsweredWithoutALookupUntilItsTtlPasses() {
        TokenCache cache = new TokenCache(clock, Duration.ofSeconds(5));

        cache.remember(HASH, Optional.of(READER));
        clock.advance(Duration.ofMillis(4_999));
        Optional<Caller> justBefore = cache.cached(HASH);
        clock.advance(Duration.ofMillis(1));

        assertEquals(Optional.of(READER), justBefore);
        assertEquals(Optional.empty(), cache.cached(HASH), "looked up again after 5 s");
    }

    @Test
    void aTokenRevokedThroughAnotherInstanceIsRefusedHereWithinTheTtl() {
        TokenCache here = new TokenCache(clock, Duration.ofSeconds(5));
        here.remember(HASH, Optional.of(READER));

        // the other instance deletes the row: this one still answers from its cache, for the TTL at most
        clock.advance(Duration.ofSeconds(3));
        Optional<Caller> stillCached = here.cached(HASH);
        clock.advance(Duration.ofSeconds(2));
        Optional<Caller> lookedUp = here.cached(HASH).or(() -> here.remember(HASH, Optional.empty()));

        assertEquals(Optional.of(READER), stillCached);
        assertEquals(Optional.empty(), lookedUp);
        assertEquals(Optional.empty(), here.cached(HASH), "a refused token is not remembered as valid");
    }

    @Test
    void revokingOnThisInstanceForgetsEveryTokenAtOnce() {
        TokenCache cache = new TokenCache(clock, Duration.ofSeconds(5));
        cache.remember(HASH, Optional.of(READER));

        cache.clear();

        assertEquals(Optional.empty(), cache.cached(HASH));
    }

    @Test
    void aTtlOfZeroKeepsNothing() {
        TokenCache cache = new TokenCache(clock, Duration.ZERO);

        assertEquals(Optional.of(READER), cache.remember(HASH, Optional.of(READER)));
        assertEquals(Optional.empty(), cache.cached(HASH));
    }

    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2026-03-10T12:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
