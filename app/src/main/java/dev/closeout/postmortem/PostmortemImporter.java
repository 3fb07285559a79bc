package dev.closeout.postmortem;

import dev.closeout.action.ActionChanged;
import dev.closeout.action.ActionEvent;
import dev.closeout.action.ActionEventRepository;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItemRepository;
import dev.closeout.postmortem.extraction.ExtractedAction;
import dev.closeout.postmortem.extraction.Extraction;
import dev.closeout.postmortem.extraction.PostmortemExtractor;
import dev.closeout.postmortem.extraction.TextDecoding;
import dev.closeout.storage.Columns;
import dev.closeout.team.FollowUpDefaults;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores a postmortem with the follow-ups extracted from it, once per distinct text. A changed text from
 * a source imported before updates that source's postmortem instead (see {@link ActionReconciler}). Each
 * import is one transaction: everything it writes is written, or nothing.
 */
@Singleton
public class PostmortemImporter {

    private final PostmortemExtractor extractor = new PostmortemExtractor();
    private final PostmortemRepository postmortems;
    private final ActionItemRepository actions;
    private final ActionEventRepository events;
    private final FollowUpDefaults defaults;
    private final ActionReconciler reconciler;
    private final PostmortemScope scope;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<ActionChanged> changes;
    private final ApplicationEventPublisher<PostmortemChanged> postmortemChanges;
    private final Clock clock;
    private final ImportRetry retry;

    PostmortemImporter(PostmortemRepository postmortems, ActionItemRepository actions, ActionEventRepository events,
                       FollowUpDefaults defaults, ActionReconciler reconciler, PostmortemScope scope,
                       TransactionOperations<Connection> transactions, ApplicationEventPublisher<ActionChanged> changes,
                       ApplicationEventPublisher<PostmortemChanged> postmortemChanges, Clock clock, ImportRetry retry) {
        this.postmortems = postmortems;
        this.actions = actions;
        this.events = events;
        this.defaults = defaults;
        this.reconciler = reconciler;
        this.scope = scope;
        this.transactions = transactions;
        this.changes = changes;
        this.postmortemChanges = postmortemChanges;
        this.clock = clock;
        this.retry = retry;
    }

    /**
     * Imports {@code text}: unchanged when this text was stored before, an update of the source's
     * postmortem when {@code sourceRef} was imported before with another text, else a new postmortem.
     */
    public ImportResult importText(@Nullable String sourceRef, String text, String actor) {
        return importText(sourceRef, text, actor, null);
    }

    /**
     * Imports {@code text} for a caller scoped to team {@code scopeTeamId} (null: no team), within the rule of
     * {@link PostmortemScope}: another team's source or text is refused (403) and nothing is written, a new
     * postmortem of another team's service too; one of a service no team owns is the caller's team's. The
     * answer shows the follow-ups the caller reaches.
     */
    public ImportResult importText(@Nullable String sourceRef, String text, String actor,
                                   @Nullable Long scopeTeamId) {
        String normalized = TextDecoding.normalize(text);
        String hash = ContentHash.of(normalized);
        String source = sourceRef == null || sourceRef.isBlank() ? null : Columns.fit(sourceRef.strip(),
                Columns.SOURCE_REF);
        Optional<ImportResult> existing = retry.run(() -> findExisting(hash, scopeTeamId));
        if (existing.isPresent()) {
            return existing.get().seenBy(scopeTeamId);
        }
        Extraction extraction = extractor.extract(normalized);
        // a concurrent import of the same text or source may win a unique key or a lock: the next try
        // finds its row, or takes the lock it released
        return retry.run(() -> findExisting(hash, scopeTeamId).orElseGet(() -> transactions.executeWrite(status ->
                storeOrUpdate(source, normalized, hash, extraction, actor, scopeTeamId)))).seenBy(scopeTeamId);
    }

    private Optional<ImportResult> findExisting(String hash, @Nullable Long scopeTeamId) {
        return transactions.executeRead(status -> postmortems.findByContentHash(hash).map(postmortem -> {
            scope.requireSeenText(scopeTeamId, postmortem);
            return new ImportResult(postmortem, actions.findByPostmortemIdOrderByPosition(postmortem.id()),
                    ImportOutcome.UNCHANGED, null);
        }));
    }

    private ImportResult storeOrUpdate(@Nullable String source, String text, String hash, Extraction extraction,
                                       String actor, @Nullable Long scopeTeamId) {
        Optional<Postmortem> previous = source == null ? Optional.empty()
                : postmortems.findBySourceRefForUpdate(source);
        if (previous.isPresent()) {
            scope.requireReimportable(scopeTeamId, previous.get());
        }
        if (previous.isPresent() && previous.get().contentHash().equals(hash)) {
            // a concurrent import of this very text committed while we waited for the lock
            return new ImportResult(previous.get(), actions.findByPostmortemIdOrderByPosition(previous.get().id()),
                    ImportOutcome.UNCHANGED, null);
        }
        if (previous.isPresent()) {
            return update(previous.get(), text, hash, extraction, actor, scopeTeamId);
        }
        return store(source, text, hash, extraction, actor, scopeTeamId);
    }

    private ImportResult store(@Nullable String source, String text, String hash, Extraction extraction,
                               String actor, @Nullable Long scopeTeamId) {
        LocalDateTime now = LocalDateTime.now(clock);
        Postmortem imported = Postmortem.imported(source, text, hash, extraction, now);
        scope.requireOwnService(scopeTeamId, imported.service());
        Postmortem postmortem = postmortems.save(imported);
        List<ActionItem> stored = new ArrayList<>();
        int position = 0;
        for (ExtractedAction extracted : extraction.actions()) {
            ActionItem action = actions.save(newAction(postmortem, position++, extracted, now, scopeTeamId));
            events.save(ActionEvent.created(action, actor));
            changes.publishEvent(new ActionChanged(null, action, actor));
            stored.add(action);
        }
        postmortemChanges.publishEvent(new PostmortemChanged(postmortem, stored));
        return new ImportResult(postmortem, stored, ImportOutcome.IMPORTED, null);
    }

    private ImportResult update(Postmortem previous, String text, String hash, Extraction extraction, String actor,
                                @Nullable Long scopeTeamId) {
        LocalDateTime now = LocalDateTime.now(clock);
        Postmortem reextracted = previous.reextracted(text, hash, extraction, now);
        scope.requireOwnService(scopeTeamId, reextracted.service());
        Postmortem postmortem = postmortems.update(reextracted);
        ReimportSummary summary = reconciler.reconcile(postmortem.id(), extraction.actions(),
                (position, extracted) -> newAction(postmortem, position, extracted, now, scopeTeamId), actor, now);
        List<ActionItem> followUps = actions.findByPostmortemIdOrderByPosition(postmortem.id());
        postmortemChanges.publishEvent(new PostmortemChanged(postmortem, followUps));
        return new ImportResult(postmortem, followUps, ImportOutcome.UPDATED, summary);
    }

    /** The one place a follow-up is made for an extracted action: on first import and when a re-import adds one. */
    private ActionItem newAction(Postmortem postmortem, int position, ExtractedAction extracted, LocalDateTime now,
                                 @Nullable Long scopeTeamId) {
        return defaults.complete(ActionItem.fromExtraction(postmortem.id(), position, extracted, now), postmortem,
                scopeTeamId);
    }
}
