package dev.closeout.storage;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneOffset;

/** Every timestamp Closeout writes is UTC from this clock; tests replace it to move time. */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        // whole seconds: MySQL Connector/J drops fractions on MariaDB 10 (it announces itself as 5.5.5-10.x),
        // so this is what every supported database keeps, and an answer shows the time a later read does
        return Clock.tickSeconds(ZoneOffset.UTC);
    }
}
