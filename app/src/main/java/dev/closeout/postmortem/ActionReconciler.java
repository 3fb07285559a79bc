package dev.closeout.postmortem;

import dev.closeout.action.ActionChanged;
import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionEventRepository;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItemRepository;
import dev.closeout.action.ActionOrigin;
import dev.closeout.action.DueSource;
import dev.closeout.action.NewActions;
import dev.closeout.postmortem.extraction.ExtractedAction;
import dev.closeout.storage.Columns;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.closeout.storage.Columns.fit;

/**
 * Brings a postmortem's stored follow-ups in line with a changed text of its source. Actions are matched
 * by {@link ActionMatching}; a matched action takes what the text says (text, kind, group, ticket,
 * priority, and a due date unless a person set one) but keeps what people decided in Closeout: status,
 * owner, team. Actions gone from the text are flagged {@code removed_from_source}, never deleted, since
 * their history and status still matter. Every change is an event by the importer.
 *
 * <p>People's corrections hold: a follow-up a person dismissed stays dismissed (matched, it is the text's copy of
 * it, so the text does not bring it back); one a person added ({@link ActionOrigin#PERSON}) keeps what they wrote,
 * takes the text's copy of it once the text has one (no second follow-up), and is never flagged removed, since
 * it was not the text's to begin with.
 */
@Singleton
class ActionReconciler {

    /** Makes the follow-up for an action new in the text, at its position. */
    @FunctionalInterface
    interface NewAction {
        ActionItem make(int position, ExtractedAction extracted);
    }

    private final ActionItemRepository actions;
    private final ActionEventRepository events;
    private final NewActions newActions;
    private final ApplicationEventPublisher<ActionChanged> changes;

    ActionReconciler(ActionItemRepository actions, ActionEventRepository events, NewActions newActions,
                     ApplicationEventPublisher<ActionChanged> changes) {
        this.actions = actions;
        this.events = events;
        this.newActions = newActions;
        this.changes = changes;
    }

    ReimportSummary reconcile(Postmortem postmortem, List<ExtractedAction> extracted, NewAction newAction,
                              String actor, LocalDateTime now) {
        long postmortemId = postmortem.id();
        List<ActionItem> stored = actions.findByPostmortemIdOrderByPosition(postmortemId);
        Map<Integer, Integer> pairs = ActionMatching.pairs(stored.stream().map(ActionItem::text).toList(),
                extracted.stream().map(ExtractedAction::text).toList());
        List<ActionItem> added = new ArrayList<>();
        int updated = 0;
        int kept = 0;
        for (int position = 0; position < extracted.size(); position++) {
            Integer match = pairs.get(position);
            if (match == null) {
                added.add(newAction.make(position, extracted.get(position)));
            } else if (stored.get(match).origin() == ActionOrigin.PERSON) {
                place(stored.get(match), position, extracted.get(position).line());
                kept++;
            } else if (refresh(stored.get(match), position, extracted.get(position), actor, now)) {
                updated++;
            } else {
                kept++;
            }
        }
        // actions gone from the text go after the ones still in it, in their old order
        Set<Integer> matched = new HashSet<>(pairs.values());
        int position = extracted.size();
        int removed = 0;
        for (int index = 0; index < stored.size(); index++) {
            if (matched.contains(index)) {
                continue;
            }
            if (stored.get(index).origin() == ActionOrigin.PERSON) {
                place(stored.get(index), position++, 0);
            } else {
                removed += flagRemoved(stored.get(index), position++, actor, now) ? 1 : 0;
            }
        }
        // after the stored ones took their new positions, so the new ones' positions are theirs alone
        newActions.store(postmortemId, postmortem.service(), added, actor);
        return new ReimportSummary(added.size(), updated, removed, kept);
    }

    /** Updates a matched action from the text; true when anything a person would notice changed. */
    private boolean refresh(ActionItem action, int position, ExtractedAction extracted, String actor,
                            LocalDateTime now) {
        String text = fit(extracted.text(), Columns.ACTION_TEXT);
        String group = fit(extracted.group(), Columns.NAME);
        String ticket = fit(extracted.ticket(), Columns.TICKET);
        String priority = fit(extracted.priority(), Columns.PRIORITY);
        boolean duePersons = action.dueSource() == DueSource.PERSON;
        LocalDate due = duePersons || extracted.due() == null ? action.dueDate() : extracted.due();
        DueSource dueSource = Objects.equals(due, action.dueDate()) ? action.dueSource() : DueSource.SOURCE;
        Integer sourceLine = extracted.line() > 0 ? extracted.line() : null;

        ActionItem updated = new ActionItem(action.id(), action.postmortemId(), position, text, extracted.kind(), group,
                action.owner(), action.ownerSource(), action.teamId(), due, dueSource, priority, action.status(),
                action.statusReason(), ticket, sourceLine, false, action.origin(), action.dismissed(),
                action.dismissalReason(), action.createdAt(), now, action.closedAt(), action.snoozedUntil(),
                action.version());
        List<ActionEvent> changes = ActionEvent.between(action, updated, actor);
        if (changes.isEmpty() && position == action.position() && Objects.equals(sourceLine, action.sourceLine())) {
            return false;
        }
        ActionItem stored = actions.update(changes.isEmpty() ? updated.withUpdatedAt(action.updatedAt()) : updated);
        events.saveAll(changes);
        if (!changes.isEmpty()) {
            this.changes.publishEvent(new ActionChanged(action, stored, actor));
        }
        return !changes.isEmpty();
    }

    /**
     * Puts a person's follow-up at {@code position}, with the line ({@code > 0}) the text has it on when they gave
     * none: nothing a person would notice, so no event.
     */
    private void place(ActionItem action, int position, int line) {
        ActionItem placed = action.movedTo(position, line > 0 ? line : null);
        if (!placed.equals(action)) {
            actions.update(placed);
        }
    }

    /** Flags an action the text no longer has; true when it was in the text until now. */
    private boolean flagRemoved(ActionItem action, int position, String actor, LocalDateTime now) {
        if (action.removedFromSource() && action.position() == position) {
            return false;
        }
        boolean newlyRemoved = !action.removedFromSource();
        ActionItem flagged = new ActionItem(action.id(), action.postmortemId(), position, action.text(), action.kind(),
                action.group(), action.owner(), action.ownerSource(), action.teamId(), action.dueDate(),
                action.dueSource(), action.priority(), action.status(), action.statusReason(), action.ticketRef(),
                action.sourceLine(), true, action.origin(), action.dismissed(), action.dismissalReason(),
                action.createdAt(), newlyRemoved ? now : action.updatedAt(), action.closedAt(), action.snoozedUntil(),
                action.version());
        ActionItem stored = actions.update(flagged);
        events.saveAll(ActionEvent.between(action, flagged, actor));
        changes.publishEvent(new ActionChanged(action, stored, actor));
        return newlyRemoved;
    }
}
