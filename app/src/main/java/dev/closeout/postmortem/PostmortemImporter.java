package dev.closeout.postmortem;

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
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.closeout.storage.Columns.fit;

/**
 * Stores a postmortem with the follow-ups extracted from it, once per distinct text: the postmortem,
 * its actions and their creation events are written in one transaction, or not at all.
 */
@Singleton
public class PostmortemImporter {

    private final PostmortemExtractor extractor = new PostmortemExtractor();
    private final PostmortemRepository postmortems;
    private final ActionItemRepository actions;
    private final ActionEventRepository events;
    private final FollowUpDefaults defaults;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    PostmortemImporter(PostmortemRepository postmortems, ActionItemRepository actions, ActionEventRepository events,
                       FollowUpDefaults defaults, TransactionOperations<Connection> transactions, Clock clock) {
        this.postmortems = postmortems;
        this.actions = actions;
        this.events = events;
        this.defaults = defaults;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ImportResult importText(@Nullable String sourceRef, String text, String actor) {
        String normalized = TextDecoding.normalize(text);
        String hash = ContentHash.of(normalized);
        Optional<ImportResult> existing = findExisting(hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        Extraction extraction = extractor.extract(normalized);
        try {
            return transactions.executeWrite(status -> store(sourceRef, normalized, hash, extraction, actor));
        } catch (DataAccessException e) {
            // A concurrent import of the same text won the unique content hash: answer with its row.
            return findExisting(hash).orElseThrow(() -> e);
        }
    }

    private Optional<ImportResult> findExisting(String hash) {
        return transactions.executeRead(status -> postmortems.findByContentHash(hash)
                .map(postmortem -> new ImportResult(postmortem,
                        actions.findByPostmortemIdOrderByPosition(postmortem.id()), false)));
    }

    private ImportResult store(@Nullable String sourceRef, String text, String hash, Extraction extraction,
                               String actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        Postmortem postmortem = postmortems.save(new Postmortem(null, fit(sourceRef, Columns.SOURCE_REF),
                fit(extraction.title(), Columns.TITLE), fit(extraction.service(), Columns.SERVICE),
                extraction.mediaType(), IncidentTimes.stored(extraction.incident().startTime()),
                IncidentTimes.stored(extraction.incident().endTime()), IncidentTimes.zone(extraction.incident()),
                extraction.incident().durationMinutes(),
                extraction.impactPercent() == null ? null : BigDecimal.valueOf(extraction.impactPercent()),
                fit(extraction.rootCause().summary(), Columns.ROOT_CAUSE_SUMMARY), extraction.rootCause().component(),
                extraction.rootCause().trigger(), text, hash, now, now));
        List<ActionItem> stored = new ArrayList<>();
        int position = 0;
        for (ExtractedAction extracted : extraction.actions()) {
            ActionItem action = actions.save(defaults.complete(
                    ActionItem.fromExtraction(postmortem.id(), position++, extracted, now), postmortem));
            events.save(ActionEvent.created(action, actor));
            stored.add(action);
        }
        return new ImportResult(postmortem, stored, true);
    }
}
