package dev.closeout.report;

import dev.closeout.action.ActionStatus;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The follow-ups of one postmortem through time, as far as the recurrence of its cause needs them: when at
 * least one was active, and when every one was done. Follow-ups never reopened are active from their creation
 * until they were closed, and closed since ({@code closed_at}); created together, they are read as one
 * {@link Batch}. A reopened follow-up is followed through the periods it spent closed before each reopen
 * ({@code action_closed_period}). Follow-ups removed from their postmortem's text, or dismissed, do not count.
 */
final class IncidentFollowups {

    /** Follow-ups created at the same time and never reopened. */
    record Batch(LocalDateTime created, int count, int done, int active, @Nullable LocalDateTime lastClosed) {

        boolean existsAt(LocalDateTime time) {
            return !time.isBefore(created);
        }

        boolean anyActiveAt(LocalDateTime time) {
            return existsAt(time) && (active > 0 || lastClosed != null && time.isBefore(lastClosed));
        }

        boolean allDoneAt(LocalDateTime time) {
            return done == count && lastClosed != null && !time.isBefore(lastClosed);
        }
    }

    /** A period a reopened follow-up spent done or not_doing, until it was reopened. */
    record ClosedPeriod(String status, LocalDateTime closedAt, LocalDateTime reopenedAt) {
    }

    /** A follow-up that has been reopened: where it stands now, and its closed periods before. */
    record Reopened(long id, LocalDateTime created, ActionStatus status, @Nullable LocalDateTime closedAt,
                    List<ClosedPeriod> periods) {

        boolean existsAt(LocalDateTime time) {
            return !time.isBefore(created);
        }

        /** Its status at {@code time}, or null before it existed. */
        @Nullable String statusAt(LocalDateTime time) {
            if (!existsAt(time)) {
                return null;
            }
            if (status.isClosed() && closedAt != null && !time.isBefore(closedAt)) {
                return status.wireName();
            }
            for (ClosedPeriod period : periods) {
                if (!time.isBefore(period.closedAt()) && time.isBefore(period.reopenedAt())) {
                    return period.status();
                }
            }
            return ActionStatus.OPEN.wireName();
        }
    }

    /** A span of time, {@code until} excluded; open-ended when {@code until} is null. */
    record Interval(LocalDateTime from, @Nullable LocalDateTime until) {
    }

    private final List<Batch> batches;
    private final List<Reopened> reopened;

    IncidentFollowups(List<Batch> batches, List<Reopened> reopened) {
        this.batches = List.copyOf(batches);
        this.reopened = List.copyOf(reopened);
    }

    static IncidentFollowups none() {
        return new IncidentFollowups(List.of(), List.of());
    }

    int total() {
        return batches.stream().mapToInt(Batch::count).sum() + reopened.size();
    }

    int done() {
        return batches.stream().mapToInt(Batch::done).sum()
                + (int) reopened.stream().filter(f -> f.status() == ActionStatus.DONE).count();
    }

    /** Active now: open or in progress. */
    int open() {
        return batches.stream().mapToInt(Batch::active).sum()
                + (int) reopened.stream().filter(f -> f.status().isActive()).count();
    }

    /** When at least one follow-up was open or in progress. */
    List<Interval> active() {
        if (batches.size() == 1 && reopened.isEmpty()) {
            // the usual postmortem, read without search: active from its import until the last was closed
            Batch batch = batches.get(0);
            if (batch.active() > 0) {
                return List.of(new Interval(batch.created(), null));
            }
            return batch.lastClosed() == null || !batch.created().isBefore(batch.lastClosed()) ? List.of()
                    : List.of(new Interval(batch.created(), batch.lastClosed()));
        }
        return intervals(this::anyActiveAt);
    }

    /** When the follow-ups that existed were all done (and there was at least one). */
    List<Interval> allDone() {
        if (batches.size() == 1 && reopened.isEmpty()) {
            Batch batch = batches.get(0);
            return batch.done() == batch.count() && batch.lastClosed() != null
                    ? List.of(new Interval(latest(batch.created(), batch.lastClosed()), null)) : List.of();
        }
        return intervals(this::allDoneAt);
    }

    boolean anyActiveAt(LocalDateTime time) {
        return batches.stream().anyMatch(batch -> batch.anyActiveAt(time))
                || reopened.stream().map(f -> f.statusAt(time)).anyMatch(s -> s != null && FollowupRules.isActive(s));
    }

    boolean allDoneAt(LocalDateTime time) {
        boolean any = false;
        for (Batch batch : batches) {
            if (batch.existsAt(time)) {
                if (!batch.allDoneAt(time)) {
                    return false;
                }
                any = true;
            }
        }
        for (Reopened followUp : reopened) {
            String status = followUp.statusAt(time);
            if (status != null) {
                if (!ActionStatus.DONE.wireName().equals(status)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static LocalDateTime latest(LocalDateTime one, LocalDateTime other) {
        return one.isAfter(other) ? one : other;
    }

    /** The spans where {@code holds} is true: it can change only at the times the follow-ups changed. */
    private List<Interval> intervals(Predicate<LocalDateTime> holds) {
        TreeSet<LocalDateTime> changes = new TreeSet<>();
        for (Batch batch : batches) {
            changes.add(batch.created());
            if (batch.lastClosed() != null) {
                changes.add(batch.lastClosed());
            }
        }
        for (Reopened followUp : reopened) {
            changes.add(followUp.created());
            if (followUp.closedAt() != null) {
                changes.add(followUp.closedAt());
            }
            followUp.periods().forEach(period -> {
                changes.add(period.closedAt());
                changes.add(period.reopenedAt());
            });
        }
        List<Interval> intervals = new ArrayList<>();
        LocalDateTime openedAt = null;
        for (LocalDateTime change : changes) {
            boolean now = holds.test(change);
            if (now && openedAt == null) {
                openedAt = change;
            } else if (!now && openedAt != null) {
                intervals.add(new Interval(openedAt, change));
                openedAt = null;
            }
        }
        if (openedAt != null) {
            intervals.add(new Interval(openedAt, null));
        }
        return intervals;
    }
}
