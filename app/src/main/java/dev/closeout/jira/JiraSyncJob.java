package dev.closeout.jira;

import dev.closeout.cli.CloseoutCommand;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The sync's schedule on every instance: a worker pass each {@code sync-interval}, a reconciliation each
 * {@code reconcile-interval}. A failed run is logged and tried at the next tick; its tickets keep their
 * state and errors in the database, so nothing is lost to a log line.
 */
@Singleton
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
@Requires(notEnv = CloseoutCommand.CLI_ENVIRONMENT)
class JiraSyncJob {

    private static final Logger LOG = LoggerFactory.getLogger(JiraSyncJob.class);
    /** Jira re-sends a delivery for a few hours at most; a week covers it with room. */
    private static final Duration KEEP_DELIVERIES = Duration.ofDays(7);

    private final JiraSync sync;
    private final JiraReconciler reconciler;
    private final JiraWebhooks webhooks;
    private final SyncPasses passes;
    private final Clock clock;

    JiraSyncJob(JiraSync sync, JiraReconciler reconciler, JiraWebhooks webhooks, SyncPasses passes, Clock clock) {
        this.sync = sync;
        this.reconciler = reconciler;
        this.webhooks = webhooks;
        this.passes = passes;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${closeout.jira.sync-interval:30s}", initialDelay = "${closeout.jira.sync-interval:30s}")
    void syncPass() {
        LocalDateTime started = LocalDateTime.now(clock);
        try {
            SyncPassResult result = sync.runPass();
            passes.finished(SyncPasses.SYNC, started, LocalDateTime.now(clock));
            if (result.claimed() > 0) {
                LOG.info("Jira sync pass: {}", result);
            }
        } catch (RuntimeException e) {
            LOG.error("Jira sync pass failed; the next one tries again", e);
        }
    }

    @Scheduled(fixedDelay = "${closeout.jira.reconcile-interval:5m}",
            initialDelay = "${closeout.jira.reconcile-interval:5m}")
    void reconcile() {
        try {
            JiraReconciler.Result result = reconciler.reconcile();
            webhooks.prune(LocalDateTime.now(clock).minus(KEEP_DELIVERIES));
            LOG.info("Jira reconciliation: read {} ticket(s) of the last {} minutes, changed {} follow-up(s)",
                    result.read(), result.minutes(), result.applied());
        } catch (RuntimeException e) {
            LOG.error("Jira reconciliation failed; the next one tries again", e);
        }
    }
}
