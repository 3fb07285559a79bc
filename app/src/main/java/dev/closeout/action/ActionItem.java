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
        @Nullable Long teamId,
        @Nullable LocalDate dueDate,
        @Nullable DueSource dueSource,
        @Nullable String priority,
        ActionStatus status,
        @Nullable String statusReason,
        @Nullable String ticketRef,
        @Nullable Integer sourceLine,
        boolean removedFromSource,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Nullable LocalDateTime closedAt,
        @Version @Nullable Long version) {

    public static final String CORRECTIVE = "corrective";
    public static final String PREVENTATIVE = "preventative";
    public static final Set<String> KINDS = Set.of(CORRECTIVE, PREVENTATIVE);

    /** A new open follow-up for what the extractor found at {@code position} in the postmortem. */
    public static ActionItem fromExtraction(long postmortemId, int position, ExtractedAction extracted,
                                            LocalDateTime now) {
        return new ActionItem(null, postmortemId, position, fit(extracted.text(), Columns.ACTION_TEXT),
                extracted.kind(), fit(extracted.group(), Columns.NAME), fit(extracted.owner(), Columns.NAME), null,
                extracted.due(), extracted.due() == null ? null : DueSource.SOURCE,
                fit(extracted.priority(), Columns.PRIORITY), ActionStatus.OPEN, null,
                fit(extracted.ticket(), Columns.TICKET), extracted.line() > 0 ? extracted.line() : null, false,
                now, now, null, null);
    }

    /** Past its due date and still being worked on (or not yet started). */
    public boolean isOverdue(LocalDate today) {
        return status.isActive() && dueDate != null && dueDate.isBefore(today);
    }

    /**
     * This follow-up moved to {@code to} at {@code now}: closing (done, not_doing) sets the closing time,
     * anything else clears it; the reason is kept only for not_doing, which requires one.
     *
     * @throws IllegalTransitionException when the status may not move there
     * @throws ReasonRequiredException    when moving to not_doing without a reason
     */
    public ActionItem moveTo(ActionStatus to, @Nullable String reason, LocalDateTime now) {
        if (!status.canMoveTo(to)) {
            throw new IllegalTransitionException(status, to);
        }
        boolean dropped = to == ActionStatus.NOT_DOING;
        if (dropped && (reason == null || reason.isBlank())) {
            throw new ReasonRequiredException(to);
        }
        return new ActionItem(id, postmortemId, position, text, kind, group, owner, teamId, dueDate, dueSource,
                priority, to, dropped ? reason.strip() : null, ticketRef, sourceLine, removedFromSource, createdAt,
                now, to.isClosed() ? now : null, version);
    }

    /** This follow-up with what a person changed; a due date they set is theirs (due source person). */
    public ActionItem edit(ActionEdit edit, LocalDateTime now) {
        LocalDate due = edit.due() == null ? dueDate : edit.due().value();
        DueSource source = edit.due() == null ? dueSource : due == null ? null : DueSource.PERSON;
        return new ActionItem(id, postmortemId, position, edit.text() == null ? text : edit.text(),
                edit.kind() == null ? kind : edit.kind(), group,
                edit.owner() == null ? owner : edit.owner().value(),
                edit.teamId() == null ? teamId : edit.teamId().value(),
                due, source, edit.priority() == null ? priority : edit.priority().value(), status, statusReason,
                ticketRef, sourceLine, removedFromSource, createdAt, now, closedAt, version);
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
        return new ActionItem(id, postmortemId, position, text, kind, group, newOwner == null ? owner : newOwner,
                teamId, due, source, priority, to,
                to == ActionStatus.NOT_DOING ? (moved ? reason : statusReason) : null,
                ticketRef, sourceLine, removedFromSource, createdAt, now,
                to.isClosed() ? (moved ? now : closedAt) : null, version);
    }

    /** The same follow-up with another last-change time: a move that is not a change people see. */
    public ActionItem withUpdatedAt(LocalDateTime time) {
        return new ActionItem(id, postmortemId, position, text, kind, group, owner, teamId, dueDate, dueSource,
                priority, status, statusReason, ticketRef, sourceLine, removedFromSource, createdAt, time, closedAt,
                version);
    }
}
