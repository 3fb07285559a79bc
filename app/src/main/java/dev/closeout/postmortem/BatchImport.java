package dev.closeout.postmortem;

import dev.closeout.postmortem.extraction.TextContent;
import dev.closeout.postmortem.extraction.UnreadableDocumentException;
import dev.closeout.storage.Columns;
import dev.closeout.team.FollowUpDefaults;
import dev.closeout.web.DatabaseFaults;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Imports many postmortems for scripts. Each item is its own import and transaction: one bad item fails
 * alone, is reported with its reason, and the others are still imported. Items are imported several at a
 * time ({@link ImportWorkers}); two items of one batch with the same text or source meet as two requests
 * would (the retries of {@link PostmortemImporter}). The teams of the follow-ups are looked up once per
 * batch ({@link FollowUpDefaults.TeamsOfBatch}).
 */
@Singleton
class BatchImport {

    private static final Logger LOG = LoggerFactory.getLogger(BatchImport.class);

    private final PostmortemImporter importer;
    private final ImportConfiguration configuration;
    private final ImportWorkers workers;

    BatchImport(PostmortemImporter importer, ImportConfiguration configuration, ImportWorkers workers) {
        this.importer = importer;
        this.configuration = configuration;
        this.workers = workers;
    }

    /** Refuses a batch over the configured size before anything is imported. */
    void checkSize(int items) {
        if (items > configuration.batchLimit()) {
            throw new HttpStatusException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "items: at most "
                    + configuration.batchLimit() + " postmortems per batch (closeout.import.batch-limit), got "
                    + items);
        }
    }

    /** Imports each item for a caller scoped to {@code scopeTeamId} (null: no team); see {@link PostmortemImporter}. */
    BatchResult importAll(List<BatchItem> items, String actor, @Nullable Long scopeTeamId) {
        checkSize(items.size());
        List<BatchResult.Item> results = new ArrayList<>(items.size());
        RuntimeException passing = null;
        FollowUpDefaults.TeamsOfBatch teams = new FollowUpDefaults.TeamsOfBatch();
        for (Future<BatchResult.Item> result : workers.submit(items, item -> importOne(item, actor, scopeTeamId,
                teams))) {
            try {
                results.add(ImportWorkers.await(result));
            } catch (RuntimeException e) {
                // the database is passing through a fault: every item is waited for, then the whole request is a 503
                passing = passing == null ? e : passing;
            }
        }
        if (passing != null) {
            throw passing;
        }
        return BatchResult.of(results);
    }

    private BatchResult.Item importOne(BatchItem item, String actor, @Nullable Long scopeTeamId,
                                       FollowUpDefaults.TeamsOfBatch teams) {
        if (item == null) {
            return BatchResult.Item.failed(null, "item: must be an object with source and text");
        }
        try {
            TextContent.check(item.text());
        } catch (UnreadableDocumentException e) {
            // refused as the single import refuses it (415 / 422 there): this item alone, nothing stored
            return BatchResult.Item.failed(item.source(), "text: " + e.getMessage());
        }
        if (item.source() != null && item.source().length() > Columns.SOURCE_REF) {
            return BatchResult.Item.failed(item.source(), "source: at most " + Columns.SOURCE_REF + " characters");
        }
        try {
            return BatchResult.Item.of(item.source(), importer.importText(item.source(), item.text(), actor,
                    scopeTeamId, teams));
        } catch (HttpStatusException e) {
            // a refusal, such as another team's source for a team-scoped token: its reason names the field
            return BatchResult.Item.failed(item.source(), e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseFaults.passing(e)) {
                // not this item's fault: the whole request is answered 503 and sent again (imports are idempotent)
                throw e;
            }
            // the item's transaction was rolled back; the reason goes to the log, the client gets no internals
            LOG.error("Batch import of '{}' failed", item.source(), e);
            return BatchResult.Item.failed(item.source(), "could not be stored; the reason is in the server's log");
        }
    }
}
