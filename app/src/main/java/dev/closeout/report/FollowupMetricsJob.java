package dev.closeout.report;

import dev.closeout.cli.CloseoutCommand;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the follow-up metrics on every instance that serves {@code /prometheus}: soon after start, then
 * every {@code closeout.reports.metrics-interval}. A failed refresh is logged; the gauges keep the last values.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
@Requires(notEnv = CloseoutCommand.CLI_ENVIRONMENT)
class FollowupMetricsJob {

    private static final Logger LOG = LoggerFactory.getLogger(FollowupMetricsJob.class);

    private final FollowupMetrics metrics;

    FollowupMetricsJob(FollowupMetrics metrics) {
        this.metrics = metrics;
    }

    @Scheduled(fixedDelay = "${closeout.reports.metrics-interval:5m}",
            initialDelay = "${closeout.reports.metrics-initial-delay:10s}")
    void refresh() {
        try {
            metrics.refresh();
        } catch (RuntimeException e) {
            LOG.error("Follow-up metrics refresh failed; /prometheus shows the last values until the next one", e);
        }
    }
}
