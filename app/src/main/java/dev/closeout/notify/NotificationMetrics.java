package dev.closeout.notify;

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
 * {@code closeout_notifications{state, kind, channel}} on {@code /prometheus}: an alert on failed, or on pending
 * that keeps growing, catches mail or a webhook that stopped working, whichever instance sent (the counts are the
 * database's). Read at most every 15 seconds, and registered once the application has started, as
 * {@code JiraMetrics} is and for its reason.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class NotificationMetrics implements ApplicationEventListener<StartupEvent> {

    private static final Duration FRESH = Duration.ofSeconds(15);

    private final Notifications notifications;
    private final MeterRegistry registry;
    private final Clock clock;
    private volatile Map<NotificationState, Map<NotificationKind, Map<Channel, Integer>>> counts = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    NotificationMetrics(Notifications notifications, MeterRegistry registry, Clock clock) {
        this.notifications = notifications;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (NotificationState state : NotificationState.values()) {
            for (NotificationKind kind : NotificationKind.values()) {
                for (Channel channel : Channel.values()) {
                    Gauge.builder("closeout.notifications", () -> count(state, kind, channel))
                            .description("Notifications by state, kind and channel")
                            .tag("state", state.wireName())
                            .tag("kind", kind.wireName())
                            .tag("channel", channel.wireName())
                            .register(registry);
                }
            }
        }
    }

    private synchronized int count(NotificationState state, NotificationKind kind, Channel channel) {
        Instant now = clock.instant();
        if (readAt.plus(FRESH).isBefore(now)) {
            counts = notifications.counts();
            readAt = now;
        }
        return counts.getOrDefault(state, Map.of()).getOrDefault(kind, Map.of()).getOrDefault(channel, 0);
    }
}
