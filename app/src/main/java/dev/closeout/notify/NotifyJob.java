package dev.closeout.notify;

import dev.closeout.cli.CloseoutCommand;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each {@code closeout.notify.interval} on every instance: plan what is due, then send what is pending. Instances
 * share the work through the table (unique keys, SKIP LOCKED), so running several is safe. A failed run is logged
 * and the next tick tries again; nothing is lost, since the rows keep their state.
 */
@Singleton
@Requires(property = NotifyConfiguration.PREFIX + ".enabled", notEquals = "false")
@Requires(notEnv = CloseoutCommand.CLI_ENVIRONMENT)
class NotifyJob {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyJob.class);

    private final NotificationPlanner planner;
    private final NotificationSender sender;

    NotifyJob(NotificationPlanner planner, NotificationSender sender) {
        this.planner = planner;
        this.sender = sender;
    }

    @Scheduled(fixedDelay = "${closeout.notify.interval:1m}", initialDelay = "${closeout.notify.interval:1m}")
    void run() {
        try {
            int planned = planner.plan();
            int sent = sender.sendPending();
            if (planned > 0 || sent > 0) {
                LOG.info("Notifications: planned {}, handled {}", planned, sent);
            }
        } catch (RuntimeException e) {
            LOG.error("Notification pass failed; the next one tries again", e);
        }
    }
}
