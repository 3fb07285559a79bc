package dev.closeout.action;

import dev.closeout.report.ReportCalendar;
import dev.closeout.team.TeamKeys;
import dev.closeout.security.Caller;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reads and changes follow-ups for a caller: a change and the history events it makes are written in
 * one transaction, so the history reports read is complete. A team-scoped caller reaches only its team's
 * follow-ups.
 */
@Singleton
public class ActionItems {

    private final ActionItemRepository actions;
    private final ActionEventRepository events;
    private final ActionQueries queries;
    private final TeamKeys teamKeys;
    private final ApplicationEventPublisher<ActionChanged> changes;
    private final Clock clock;
    private final ReportCalendar calendar;

    ActionItems(ActionItemRepository actions, ActionEventRepository events, ActionQueries queries, TeamKeys teamKeys,
                ApplicationEventPublisher<ActionChanged> changes, Clock clock, ReportCalendar calendar) {
        this.actions = actions;
        this.events = events;
        this.queries = queries;
        this.teamKeys = teamKeys;
        this.changes = changes;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The follow-up, if the caller reaches it: another team's is not found, as if it did not exist. */
    @ReadOnly
    public ActionItem get(long id, Caller caller) {
        return actions.findById(id).filter(action -> caller.reaches(action.teamId()))
                .orElseThrow(() -> new ActionNotFoundException(id));
    }

    /**
     * Applies {@code edit} to the follow-up if it is still at {@code expectedVersion}; a snooze must end after today
     * in the reports' calendar ({@code closeout.reports.time-zone}), the day reminders are counted in.
     *
     * @throws StaleActionException    when it changed since, here or in a concurrent request
     * @throws SnoozeNotAheadException when a snooze asked for does not end after today
     */
    @Transactional
    public ActionItem edit(long id, long expectedVersion, ActionEdit edit, Caller caller) {
        ActionItem before = get(id, caller);
        if (edit.teamId() != null && !caller.reaches(edit.teamId().value())) {
            throw new ActionOutOfReachException("team: this token may not hand an action to another team");
        }
        if (ActionVersion.of(before) != expectedVersion) {
            throw new StaleActionException(expectedVersion);
        }
        return store(before, before.edit(edit, calendar.today(), now()), caller.actor());
    }

    /** Moves the follow-up to {@code to}; see {@link ActionItem#moveTo}. */
    @Transactional
    public ActionItem move(long id, ActionStatus to, @Nullable String reason, Caller caller) {
        ActionItem before = get(id, caller);
        return store(before, before.moveTo(to, reason, now()), caller.actor());
    }

    /**
     * Moves the follow-up to {@code to} if it is still at {@code expectedVersion}: for a person who chose the
     * move on a page showing that version.
     *
     * @throws StaleActionException when it changed since, here or in a concurrent request
     */
    @Transactional
    public ActionItem move(long id, long expectedVersion, ActionStatus to, @Nullable String reason, Caller caller) {
        ActionItem before = get(id, caller);
        if (ActionVersion.of(before) != expectedVersion) {
            throw new StaleActionException(expectedVersion);
        }
        return store(before, before.moveTo(to, reason, now()), caller.actor());
    }

    /**
     * Dismisses the follow-up as no follow-up at all, for {@code reason}; see {@link ActionItem#dismiss}. The
     * change is in its history, and leaves its Jira ticket as it is (the outbox sets its sync aside).
     */
    @Transactional
    public ActionItem dismiss(long id, @Nullable String reason, Caller caller) {
        ActionItem before = get(id, caller);
        return store(before, before.dismiss(reason, now()), caller.actor());
    }

    /** Brings a dismissed follow-up back; see {@link ActionItem#restore}. */
    @Transactional
    public ActionItem restore(long id, Caller caller) {
        ActionItem before = get(id, caller);
        return store(before, before.restore(now()), caller.actor());
    }

    /** The follow-up whoever asks; for integrations that act for no caller. */
    @ReadOnly
    public Optional<ActionItem> findForTracker(long id) {
        return actions.findById(id);
    }

    /**
     * Applies what an issue tracker says of the follow-up, as {@code actor}: read, changed and written in
     * one transaction, read again when a person's change got in between.
     *
     * @return the follow-up as stored, or empty when it no longer exists
     */
    @Transactional
    public Optional<ActionItem> followTracker(long id, UnaryOperator<ActionItem> change, String actor) {
        for (int attempt = 1; ; attempt++) {
            Optional<ActionItem> before = actions.findById(id);
            if (before.isEmpty()) {
                return before;
            }
            ActionItem after = change.apply(before.get());
            if (after.withUpdatedAt(before.get().updatedAt()).equals(before.get())) {
                return before;
            }
            try {
                return Optional.of(store(before.get(), after.withUpdatedAt(now()), actor));
            } catch (StaleActionException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Up to {@code limit} history events of a follow-up the caller reaches, after event {@code afterId}. */
    @ReadOnly
    public List<ActionEvent> history(long id, @Nullable Long afterId, int limit, Caller caller) {
        get(id, caller);
        return queries.history(id, afterId, limit);
    }

    /** The latest {@code limit} history events of a follow-up the caller reaches, newest first. */
    @ReadOnly
    public List<ActionEvent> recentHistory(long id, int limit, Caller caller) {
        get(id, caller);
        return queries.recentHistory(id, limit);
    }

    private ActionItem store(ActionItem before, ActionItem after, String actor) {
        ActionItem stored;
        try {
            // the @Version column: the update matches only the version read above, so of two concurrent
            // changes from the same version exactly one is written
            stored = actions.update(after);
        } catch (OptimisticLockException e) {
            throw new StaleActionException(ActionVersion.of(before));
        }
        Map<Long, String> teamKeys = this.teamKeys.keysOf(Stream.of(before.teamId(), after.teamId())
                .filter(Objects::nonNull).distinct().toList());
        events.saveAll(ActionEvent.between(before, stored, actor, teamKeys::get));
        changes.publishEvent(new ActionChanged(before, stored, actor));
        return stored;
    }

    private LocalDateTime now() {
        // the precision of the DATETIME(6) columns, so the answer shows what a later read will
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
