package dev.closeout.jira;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code closeout_jira_tickets{state="pending|synced|failed"}} on {@code /prometheus}: an alert on a
 * growing pending or failed count catches a sync that stopped, whatever instance it ran on (the counts
 * are the database's). Read at most every 15 seconds, however often the gauges are scraped. Registered
 * once the application has started: bound as a {@code MeterBinder}, while the context was still being
 * built, they left the database refusing connections ("Too many connections") before the first test ran.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
class JiraMetrics implements ApplicationEventListener<StartupEvent> {

    private static final Duration FRESH = Duration.ofSeconds(15);

    private final JiraTickets tickets;
    private final MeterRegistry registry;
    private final Clock clock;
    private volatile Map<SyncState, Integer> counts = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    JiraMetrics(JiraTickets tickets, MeterRegistry registry, Clock clock) {
        this.tickets = tickets;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (SyncState state : SyncState.values()) {
            Gauge.builder("closeout.jira.tickets", () -> count(state))
                    .description("Follow-ups' Jira tickets by sync state")
                    .tag("state", state.wireName())
                    .register(registry);
        }
    }

    private int count(SyncState state) {
        Instant now = clock.instant();
        if (readAt.plus(FRESH).isBefore(now)) {
            counts = tickets.countByState();
            readAt = now;
        }
        return counts.getOrDefault(state, 0);
    }
}
