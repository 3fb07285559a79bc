package dev.closeout.action;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A UTC clock a test sets and moves, for "today" and for creation times that differ. */
public class MovableClock extends Clock {

    public static final String SPEC = "movable-clock";

    /** {@code properties} with this clock in place of the system's. */
    public static Map<String, String> on(Map<String, String> properties) {
        Map<String, String> withClock = new HashMap<>(properties);
        withClock.put("spec.name", SPEC);
        return withClock;
    }

    private volatile Instant now;

    MovableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Closeout's clock is UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Replaces the application clock in test classes that set {@code spec.name} to {@link #SPEC}. */
    @Factory
    @Requires(property = "spec.name", value = SPEC)
    static class MovableClockFactory {

        @Singleton
        @Replaces(Clock.class)
        MovableClock clock() {
            return new MovableClock(Instant.parse("2026-03-10T12:00:00Z"));
        }
    }
}
