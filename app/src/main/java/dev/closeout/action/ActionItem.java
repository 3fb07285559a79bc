package dev.closeout.action;

import dev.closeout.postmortem.extraction.ExtractedAction;
import dev.closeout.storage.Columns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

import static dev.closeout.storage.Columns.fit;

/**
 * A follow-up: one corrective or preventative action from a postmortem, with who owns it, when it is
 * due and where it stands. Times are UTC.
 */
@MappedEntity("action_item")
public record ActionItem(
        @Id @GeneratedValue @Nullable Long id,
        long postmortemId,
        int position,
        String text,
        @Nullable String kind,
        @Nullable @MappedProperty("group_name") String group,
        @Nullable String owner,
        @Nullable OwnerSource ownerSource,
        @Nullable Long teamId,
        @Nullable LocalDate dueDate,
        @Nullable DueSource dueSource,
        @Nullable String priority,
        ActionStatus status,
        @Nullable String statusReason,
        @Nullable String ticketRef,
        @Nullable Integer sourceLine,
        boolean removedFromSource,
        ActionOrigin origin,
        boolean dismissed,
        @Nullable String dismissalReason,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Nullable LocalDateTime closedAt,
        @Nullable LocalDate snoozedUntil,
        @Version @Nullable Long version) {

    public static final String CORRECTIVE = "corrective";
    public static final String PREVENTATIVE = "preventative";
    public static final Set<String> KINDS = Set.of(CORRECTIVE, PREVENTATIVE);

    /** A new open follow-up for what the extractor found at {@code position} in the postmortem. */
    public static ActionItem fromExtraction(long postmortemId, int position, ExtractedAction extracted,
                                            LocalDateTime now) {
        String owner = fit(extracted.owner(), Columns.NAME);
        return new ActionItem(null, postmortemId, position, fit(extracted.text(), Columns.ACTION_TEXT),
                extracted.kind(), fit(extracted.group(), Columns.NAME), owner,
                owner == null ? null : OwnerSource.SOURCE, null, extracted.due(),
                extracted.due() == null ? null : DueSource.SOURCE, fit(extracted.priority(), Columns.PRIORITY),
                ActionStatus.OPEN, null,
                fit(extracted.ticket(), Columns.TICKET), extracted.line() > 0 ? extracted.line() : null, false,
                ActionOrigin.ENGINE, false, null, now, now, null, null, null);
    }

    /**
     * A new open follow-up a person added to the postmortem at {@code position}, because the extraction missed
     * it: the owner and due date they gave are theirs (source person); what they left out, the team's defaults
     * fill in as for an extracted one.
     */
    public static ActionItem addedByPerson(long postmortemId, int position, ActionDraft draft, LocalDateTime now) {
        return new ActionItem(null, postmortemId, position, draft.text(), draft.kind(), null, draft.owner(),
                draft.owner() == null ? null : OwnerSource.PERSON, null, draft.due(),
                draft.due() == null ? null : DueSource.PERSON, draft.priority(), ActionStatus.OPEN, null,
                draft.ticket(), draft.sourceLine(), false, ActionOrigin.PERSON, false, null, now, now, null, null,
                null);
    }

    /** Past its due date and still being worked on (or not yet started); a dismissed one is no follow-up at all. */
    public boolean isOverdue(LocalDate today) {
        return status.isActive() && !dismissed && dueDate != null && dueDate.isBefore(today);
    }

    /** Whether its reminders are snoozed on {@code day}: a person asked for none before {@code snoozedUntil}. */
    public boolean snoozedOn(LocalDate day) {
        return snoozedUntil != null && snoozedUntil.isAfter(day);
    }

    /**
     * This follow-up moved to {@code to} at {@code now}: closing (done, not_doing) sets the closing time,
     * anything else clears it; the reason is kept only for not_doing, which requires one.
     *
     * @throws IllegalTransitionException when the status may not move there
     * @throws ReasonRequiredException    when moving to not_doing without a reason
     * @throws DismissalConflictException when it is dismissed
     */
    public ActionItem moveTo(ActionStatus to, @Nullable String reason, LocalDateTime now) {
        requireNotDismissed();
        if (!status.canMoveTo(to)) {
            throw new IllegalTransitionException(status, to);
        }
        boolean dropped = to == ActionStatus.NOT_DOING;
        if (dropped && (reason == null || reason.isBlank())) {
            throw new ReasonRequiredException(to);
        }
        return new ActionItem(id, postmortemId, position, text, kind, group, owner, ownerSource, teamId, dueDate,
                dueSource, priority, to, dropped ? reason.strip() : null, ticketRef, sourceLine, removedFromSource,
                origin, dismissed, dismissalReason, createdAt, now, to.isClosed() ? now : null, snoozedUntil, version);
    }

    /**
     * This follow-up with what a person changed; an owner or due date they set is theirs (source person). A
     * snooze must end after {@code today} (the reports' day): one that ended already would snooze nothing.
     *
     * @throws DismissalConflictException when it is dismissed
     * @throws SnoozeNotAheadException    when a snooze asked for does not end after today
     */
    public ActionItem edit(ActionEdit edit, LocalDate today, LocalDateTime now) {
        requireNotDismissed();
        LocalDate snooze = edit.snoozedUntil() == null ? snoozedUntil : edit.snoozedUntil().value();
        if (edit.snoozedUntil() != null && snooze != null && !snooze.isAfter(today)) {
            throw new SnoozeNotAheadException(snooze, today);
        }
        LocalDate due = edit.due() == null ? dueDate : edit.due().value();
        DueSource source = edit.due() == null ? dueSource : due == null ? null : DueSource.PERSON;
        String newOwner = edit.owner() == null ? owner : edit.owner().value();
        OwnerSource newOwnerSource = edit.owner() == null ? ownerSource : newOwner == null ? null : OwnerSource.PERSON;
        return new ActionItem(id, postmortemId, position, edit.text() == null ? text : edit.text(),
                edit.kind() == null ? kind : edit.kind(), group, newOwner, newOwnerSource,
                edit.teamId() == null ? teamId : edit.teamId().value(),
                due, source, edit.priority() == null ? priority : edit.priority().value(), status, statusReason,
                ticketRef, sourceLine, removedFromSource, origin, dismissed, dismissalReason, createdAt, now, closedAt,
                snooze, version);
    }

    /**
     * This follow-up dismissed by a person as no follow-up at all, for {@code reason}: it leaves the lists, the
     * reports and the Jira sync until it is {@linkplain #restore restored}; its status stays as it was.
     *
     * @throws ReasonRequiredException    without a reason
     * @throws DismissalConflictException when it is dismissed already
     */
    public ActionItem dismiss(@Nullable String reason, LocalDateTime now) {
        if (dismissed) {
            throw new DismissalConflictException("dismissed: follow-up " + id + " is dismissed already");
        }
        if (reason == null || reason.isBlank()) {
            throw ReasonRequiredException.toDismiss();
        }
        return withDismissal(true, reason.strip(), now);
    }

    /**
     * This follow-up back among the others, as it was before it was dismissed.
     *
     * @throws DismissalConflictException when it is not dismissed
     */
    public ActionItem restore(LocalDateTime now) {
        if (!dismissed) {
            throw new DismissalConflictException("dismissed: follow-up " + id + " is not dismissed");
        }
        return withDismissal(false, null, now);
    }

    /**
     * This follow-up as the issue tracker has it: the tracker is the truth for status, owner and due date,
     * so its moves are taken as they are, outside the lifecycle people's moves follow (a
     * ticket may go straight from To Do to Done). Null leaves a value as it is.
     */
    public ActionItem followTracker(@Nullable ActionStatus newStatus, @Nullable String reason,
                                    @Nullable String newOwner, @Nullable LocalDate newDue, LocalDateTime now) {
        ActionStatus to = newStatus == null ? status : newStatus;
        boolean moved = to != status;
        LocalDate due = newDue == null ? dueDate : newDue;
        DueSource source = due == null || due.equals(dueDate) ? dueSource : DueSource.PERSON;
        String ownerNow = newOwner == null ? owner : newOwner;
        OwnerSource ownerSourceNow = Objects.equals(ownerNow, owner) ? ownerSource : OwnerSource.PERSON;
        return new ActionItem(id, postmortemId, position, text, kind, group, ownerNow, ownerSourceNow,
                teamId, due, source, priority, to,
                to == ActionStatus.NOT_DOING ? (moved ? reason : statusReason) : null,
                ticketRef, sourceLine, removedFromSource, origin, dismissed, dismissalReason, createdAt, now,
                to.isClosed() ? (moved ? now : closedAt) : null, snoozedUntil, version);
    }

    /** The same follow-up with another last-change time: a move that is not a change people see. */
    public ActionItem withUpdatedAt(LocalDateTime time) {
        return new ActionItem(id, postmortemId, position, text, kind, group, owner, ownerSource, teamId, dueDate,
                dueSource, priority, status, statusReason, ticketRef, sourceLine, removedFromSource, origin, dismissed,
                dismissalReason, createdAt, time, closedAt, snoozedUntil, version);
    }

    /**
     * The same follow-up at another place in its postmortem, with the source line a re-import found it on when it
     * had none: a move that is not a change people see.
     */
    public ActionItem movedTo(int newPosition, @Nullable Integer lineFound) {
        return new ActionItem(id, postmortemId, newPosition, text, kind, group, owner, ownerSource, teamId, dueDate,
                dueSource, priority, status, statusReason, ticketRef, sourceLine == null ? lineFound : sourceLine,
                removedFromSource, origin, dismissed, dismissalReason, createdAt, updatedAt, closedAt, snoozedUntil,
                version);
    }

    private ActionItem withDismissal(boolean nowDismissed, @Nullable String reason, LocalDateTime now) {
        return new ActionItem(id, postmortemId, position, text, kind, group, owner, ownerSource, teamId, dueDate,
                dueSource, priority, status, statusReason, ticketRef, sourceLine, removedFromSource, origin,
                nowDismissed, reason, createdAt, now, closedAt, snoozedUntil, version);
    }

    private void requireNotDismissed() {
        if (dismissed) {
            throw new DismissalConflictException("dismissed: follow-up " + id + " is dismissed; restore it (POST "
                    + "/api/actions/" + id + "/restore) before changing it");
        }
    }
}
