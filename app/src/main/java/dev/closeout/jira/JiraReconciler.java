package dev.closeout.jira;

import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.TicketPage;
import dev.closeout.integrations.tracker.TicketState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads back every ticket of Closeout's updated in Jira since the last reconciliation started, with
 * {@code reconcile-overlap} more (JQL dates have minute resolution and Jira's search lags behind writes),
 * and applies each: a webhook that never came costs minutes, not data. Applying is idempotent, so the
 * overlap and several instances reconciling at once do no harm. A second ticket of a follow-up among them
 * (a create Jira finished late) is closed as a duplicate of the oldest ({@link JiraDuplicates}).
 */
@Singleton
@Requires(property = JiraConfiguration.PREFIX + ".enabled", value = "true")
public class JiraReconciler {

    /** How far the first reconciliation ever looks back. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    private final IssueTracker tracker;
    private final JiraStateApplier applier;
    private final JiraDuplicates duplicates;
    private final SyncPasses passes;
    private final JiraConfiguration configuration;
    private final Clock clock;

    JiraReconciler(IssueTracker tracker, JiraStateApplier applier, JiraDuplicates duplicates, SyncPasses passes,
                   JiraConfiguration configuration, Clock clock) {
        this.duplicates = duplicates;
        this.tracker = tracker;
        this.applier = applier;
        this.passes = passes;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * What a reconciliation read and changed.
     *
     * @param minutes  how far back it read
     * @param read     tickets read
     * @param applied  follow-ups changed
     * @param duplicatesClosed second tickets of a follow-up closed as duplicates
     */
    @Serdeable
    public record Result(long minutes, int read, int applied, int duplicatesClosed) {
    }

    public Result reconcile() {
        LocalDateTime started = LocalDateTime.now(clock);
        Optional<LocalDateTime> last = passes.lastStarted(SyncPasses.RECONCILE);
        Duration since = last.map(l -> Duration.between(l, started)).filter(d -> !d.isNegative())
                .orElse(FIRST_LOOK_BACK);
        long minutes = ceilMinutes(since.plus(configuration.reconcileOverlap()));
        int read = 0;
        int applied = 0;
        List<TicketState> all = new ArrayList<>();
        String token = null;
        do {
            TicketPage page = tracker.updatedRecently(JiraSync.LABEL, (int) minutes, token);
            for (TicketState state : page.tickets()) {
                read++;
                all.add(state);
                if (applier.apply(state) == JiraStateApplier.Outcome.APPLIED) {
                    applied++;
                }
            }
            token = page.nextPageToken();
        } while (token != null);
        int duplicatesClosed = duplicates.close(all);
        passes.finished(SyncPasses.RECONCILE, started, LocalDateTime.now(clock));
        return new Result(minutes, read, applied, duplicatesClosed);
    }

    private static long ceilMinutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }
}
