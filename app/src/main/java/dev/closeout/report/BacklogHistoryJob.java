package dev.closeout.report;

import dev.closeout.cli.CloseoutCommand;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the backlog's history up to date on every instance: soon after start (the backfill, when days are
 * missing) and then every {@code closeout.reports.history-interval}. Instances running it at once write the
 * same numbers. A failed run is logged and the next one counts the same days again.
 */
@Singleton
@Requires(notEnv = CloseoutCommand.CLI_ENVIRONMENT)
class BacklogHistoryJob {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogHistoryJob.class);

    private final BacklogHistory history;

    BacklogHistoryJob(BacklogHistory history) {
        this.history = history;
    }

    @Scheduled(fixedDelay = "${closeout.reports.history-interval:10m}",
            initialDelay = "${closeout.reports.history-initial-delay:30s}")
    void refresh() {
        try {
            BacklogHistory.Refresh refresh = history.refresh();
            if (refresh.everything()) {
                LOG.info("Backlog history: counted {} to {} from every follow-up's events in {} ms, {} rows written, "
                        + "{} ms in all", refresh.from(), refresh.to(), refresh.counting().toMillis(), refresh.rows(),
                        refresh.took().toMillis());
            } else {
                LOG.debug("Backlog history: counted {} to {} in {} ms", refresh.from(), refresh.to(),
                        refresh.took().toMillis());
            }
        } catch (RuntimeException e) {
            LOG.error("Backlog history refresh failed; the next run counts the same days again", e);
        }
    }
}
