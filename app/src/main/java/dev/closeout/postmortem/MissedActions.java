package dev.closeout.postmortem;

import dev.closeout.action.ActionDraft;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItemRepository;
import dev.closeout.action.InvalidRequest;
import dev.closeout.action.NewActions;
import dev.closeout.postmortem.extraction.DocumentReader;
import dev.closeout.security.Caller;
import dev.closeout.team.FollowUpDefaults;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the follow-ups people find that the extraction missed ({@code POST /api/postmortems/{id}/actions}). Such a
 * follow-up is created as an extracted one is, with its team, default owner and due date by the team's policy,
 * and its Jira ticket queued ({@link NewActions}); it is the person's
 * ({@link dev.closeout.action.ActionOrigin#PERSON}), which re-imports keep ({@link ActionReconciler}). The
 * postmortem is locked meanwhile, so an addition and a re-import take turns.
 */
@Singleton
public class MissedActions {

    private final PostmortemRepository postmortems;
    private final ActionItemRepository actions;
    private final NewActions newActions;
    private final FollowUpDefaults defaults;
    private final PostmortemScope scope;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<PostmortemChanged> postmortemChanges;
    private final Clock clock;

    MissedActions(PostmortemRepository postmortems, ActionItemRepository actions, NewActions newActions,
                  FollowUpDefaults defaults, PostmortemScope scope, TransactionOperations<Connection> transactions,
                  ApplicationEventPublisher<PostmortemChanged> postmortemChanges, Clock clock) {
        this.postmortems = postmortems;
        this.actions = actions;
        this.newActions = newActions;
        this.defaults = defaults;
        this.scope = scope;
        this.transactions = transactions;
        this.postmortemChanges = postmortemChanges;
        this.clock = clock;
    }

    /**
     * Adds {@code draft} to postmortem {@code postmortemId} for {@code caller}, after its other follow-ups. A
     * team-scoped caller adds to its team's postmortems alone, as it corrects them (404 another team's, 403 a
     * shared one); the follow-up is then its team's. 400 naming {@code source_line} for a line the text does not
     * have; 409 naming {@code text} when the postmortem has a follow-up that reads alike (as a re-import would
     * match them), dismissed or not.
     */
    public ActionItem add(long postmortemId, ActionDraft draft, Caller caller) {
        return transactions.executeWrite(status -> {
            Postmortem postmortem = postmortems.findByIdForUpdate(postmortemId)
                    .orElseThrow(() -> PostmortemScope.notFound(postmortemId));
            scope.requireChangeable(caller.teamId(), postmortem);
            requireLine(postmortem, draft.sourceLine());
            List<ActionItem> followUps = actions.findByPostmortemIdOrderByPosition(postmortemId);
            requireNew(draft.text(), followUps);
            int position = followUps.stream().mapToInt(ActionItem::position).max().orElse(-1) + 1;
            LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            ActionItem fresh = defaults.of(postmortem, teamFor(caller, followUps))
                    .complete(ActionItem.addedByPerson(postmortemId, position, draft, now));
            ActionItem stored = newActions.store(postmortemId, postmortem.service(), List.of(fresh), caller.actor())
                    .get(0);
            List<ActionItem> all = new ArrayList<>(followUps);
            all.add(stored);
            // its text is part of the postmortem's document for similar incidents
            postmortemChanges.publishEvent(new PostmortemChanged(postmortem, all));
            return stored;
        });
    }

    /**
     * The team the follow-up goes to when no team owns the postmortem's service: a scoped caller's own, else the
     * team of the postmortem's other follow-ups when they all have one and the same.
     */
    private static @Nullable Long teamFor(Caller caller, List<ActionItem> followUps) {
        if (caller.teamId() != null) {
            return caller.teamId();
        }
        List<Long> teams = followUps.stream().map(ActionItem::teamId).distinct().toList();
        return teams.size() == 1 ? teams.get(0) : null;
    }

    private static void requireLine(Postmortem postmortem, @Nullable Integer line) {
        if (line == null) {
            return;
        }
        // counted as the extraction counts the lines of follow-ups it finds (HTML read as lines of text first)
        int lines = new DocumentReader().read(postmortem.originalText()).lines().size();
        if (line > lines) {
            throw InvalidRequest.of("source_line", "the postmortem has " + lines + " lines, not " + line);
        }
    }

    private static void requireNew(String text, List<ActionItem> followUps) {
        String wanted = ActionMatching.normalize(text);
        for (ActionItem followUp : followUps) {
            if (!followUp.removedFromSource()
                    && ActionMatching.similarity(wanted, ActionMatching.normalize(followUp.text()))
                    >= ActionMatching.THRESHOLD) {
                throw new HttpStatusException(HttpStatus.CONFLICT, "text: the postmortem has this follow-up already: "
                        + followUp.id() + (followUp.dismissed() ? ", dismissed; restore it with POST /api/actions/"
                        + followUp.id() + "/restore" : ""));
            }
        }
    }
}
