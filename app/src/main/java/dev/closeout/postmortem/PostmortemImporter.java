package dev.closeout.postmortem;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionItemRepository;
import dev.closeout.action.FollowupServices;
import dev.closeout.action.NewActions;
import dev.closeout.postmortem.extraction.ExtractedAction;
import dev.closeout.postmortem.extraction.Extraction;
import dev.closeout.postmortem.extraction.PostmortemExtractor;
import dev.closeout.postmortem.extraction.TextDecoding;
import dev.closeout.storage.Columns;
import dev.closeout.team.FollowUpDefaults;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores a postmortem with the follow-ups extracted from it, once per distinct text. A changed text from
 * a source imported before updates that source's postmortem instead (see {@link ActionReconciler}). Each
 * import is one transaction: everything it writes is written, or nothing.
 */
@Singleton
public class PostmortemImporter {

    /**
     * An import reads what is committed at each statement (READ COMMITTED), not a snapshot taken at its
     * first read: after waiting for a concurrent import's lock it sees that import's follow-ups, and looking
     * up a source no postmortem has yet takes no gap lock (under REPEATABLE READ two imports of new sources
     * side by side in the index would deadlock on the gap they both locked). The unique keys on the text's
     * hash and the source keep it exactly-once.
     */
    private static final TransactionDefinition IMPORT = importTransaction();

    private final PostmortemExtractor extractor = new PostmortemExtractor();
    private final PostmortemRepository postmortems;
    private final ActionItemRepository actions;
    private final NewActions newActions;
    private final FollowUpDefaults defaults;
    private final ActionReconciler reconciler;
    private final FollowupServices services;
    private final PostmortemScope scope;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<PostmortemChanged> postmortemChanges;
    private final Clock clock;
    private final ImportRetry retry;

    PostmortemImporter(PostmortemRepository postmortems, ActionItemRepository actions, NewActions newActions,
                       FollowUpDefaults defaults, ActionReconciler reconciler, FollowupServices services,
                       PostmortemScope scope,
                       TransactionOperations<Connection> transactions,
                       ApplicationEventPublisher<PostmortemChanged> postmortemChanges, Clock clock, ImportRetry retry) {
        this.postmortems = postmortems;
        this.actions = actions;
        this.newActions = newActions;
        this.defaults = defaults;
        this.reconciler = reconciler;
        this.services = services;
        this.scope = scope;
        this.transactions = transactions;
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
     * answer shows the follow-ups the caller reaches. One transaction: the text is looked up by its hash,
     * and only a text not stored before is extracted and written.
     */
    public ImportResult importText(@Nullable String sourceRef, String text, String actor,
                                   @Nullable Long scopeTeamId) {
        return importText(sourceRef, text, actor, scopeTeamId, null);
    }

    /**
     * As {@link #importText(String, String, String, Long)}, one of a batch of imports: the teams of its
     * follow-ups are looked up once per {@code batch} (null: by this import alone).
     */
    public ImportResult importText(@Nullable String sourceRef, String text, String actor,
                                   @Nullable Long scopeTeamId, FollowUpDefaults.@Nullable TeamsOfBatch batch) {
        String normalized = TextDecoding.normalize(text);
        String hash = ContentHash.of(normalized);
        String source = sourceRef == null || sourceRef.isBlank() ? null : Columns.fit(sourceRef.strip(),
                Columns.SOURCE_REF);
        // a try that lost a race is run again: the text is extracted once
        Extraction[] extraction = new Extraction[1];
        // a concurrent import of the same text or source may win a unique key or a lock: the next try
        // finds its row, or takes the lock it released
        return retry.run(() -> transactions.execute(IMPORT, status -> {
            Optional<Postmortem> existing = postmortems.findByContentHash(hash);
            if (existing.isPresent()) {
                scope.requireSeenText(scopeTeamId, existing.get());
                return unchanged(existing.get());
            }
            if (extraction[0] == null) {
                extraction[0] = extractor.extract(normalized);
            }
            return storeOrUpdate(source, normalized, hash, extraction[0], actor, scopeTeamId, batch);
        })).seenBy(scopeTeamId);
    }

    private static TransactionDefinition importTransaction() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return definition;
    }

    private ImportResult unchanged(Postmortem postmortem) {
        return new ImportResult(postmortem, actions.findByPostmortemIdOrderByPosition(postmortem.id()),
                ImportOutcome.UNCHANGED, null);
    }

    private ImportResult storeOrUpdate(@Nullable String source, String text, String hash, Extraction extraction,
                                       String actor, @Nullable Long scopeTeamId,
                                       FollowUpDefaults.@Nullable TeamsOfBatch batch) {
        Optional<Postmortem> previous = source == null ? Optional.empty()
                : postmortems.findBySourceRefForUpdate(source);
        if (previous.isPresent()) {
            scope.requireReimportable(scopeTeamId, previous.get());
        }
        if (previous.isPresent() && previous.get().contentHash().equals(hash)) {
            // a concurrent import of this very text committed while we waited for the lock
            return unchanged(previous.get());
        }
        if (previous.isPresent()) {
            return update(previous.get(), text, hash, extraction, actor, scopeTeamId, batch);
        }
        return store(source, text, hash, extraction, actor, scopeTeamId, batch);
    }

    /** A new postmortem: it, its follow-ups and their creation in a handful of statements (see {@link NewActions}). */
    private ImportResult store(@Nullable String source, String text, String hash, Extraction extraction,
                               String actor, @Nullable Long scopeTeamId, FollowUpDefaults.@Nullable TeamsOfBatch batch) {
        LocalDateTime now = LocalDateTime.now(clock);
        Postmortem imported = Postmortem.imported(source, text, hash, extraction, now);
        scope.requireOwnService(scopeTeamId, imported.service());
        Postmortem postmortem = postmortems.save(imported);
        FollowUpDefaults.Completion completion = defaults.of(postmortem, scopeTeamId, batch);
        List<ActionItem> fresh = new ArrayList<>();
        for (ExtractedAction extracted : extraction.actions()) {
            fresh.add(completion.complete(ActionItem.fromExtraction(postmortem.id(), fresh.size(), extracted, now)));
        }
        Map<Long, String> teamKeys = completion.team() == null ? Map.of()
                : Map.of(completion.team().teamId(), completion.team().teamKey());
        List<ActionItem> stored = newActions.store(postmortem.id(), postmortem.service(), fresh, actor);
        postmortemChanges.publishEvent(new PostmortemChanged(postmortem, stored));
        return new ImportResult(postmortem, stored, ImportOutcome.IMPORTED, null, teamKeys);
    }

    private ImportResult update(Postmortem previous, String text, String hash, Extraction extraction, String actor,
                                @Nullable Long scopeTeamId, FollowUpDefaults.@Nullable TeamsOfBatch batch) {
        LocalDateTime now = LocalDateTime.now(clock);
        Postmortem reextracted = previous.reextracted(text, hash, extraction, now);
        scope.requireOwnService(scopeTeamId, reextracted.service());
        Postmortem postmortem = postmortems.update(reextracted);
        services.follow(postmortem.id(), previous.service(), postmortem.service());
        FollowUpDefaults.Completion completion = defaults.of(postmortem, scopeTeamId, batch);
        ReimportSummary summary = reconciler.reconcile(postmortem, extraction.actions(), (position, extracted) ->
                completion.complete(ActionItem.fromExtraction(postmortem.id(), position, extracted, now)), actor, now);
        List<ActionItem> followUps = actions.findByPostmortemIdOrderByPosition(postmortem.id());
        postmortemChanges.publishEvent(new PostmortemChanged(postmortem, followUps));
        return new ImportResult(postmortem, followUps, ImportOutcome.UPDATED, summary);
    }
}
