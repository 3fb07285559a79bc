package dev.closeout.storage;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Every timestamp Closeout writes is UTC from this clock; tests replace it to move time. */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        // microseconds: what DATETIME(6) keeps, so an answer shows the same time a later read does
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
