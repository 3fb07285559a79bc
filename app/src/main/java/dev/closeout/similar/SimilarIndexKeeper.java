package dev.closeout.similar;

import dev.closeout.action.ActionChanged;
import dev.closeout.cli.CloseoutCommand;
import dev.closeout.postmortem.PostmortemChanged;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the {@link SimilarIndex} in step with the database on a serving instance: built from every
 * postmortem at start, on a thread of its own so the start is not held up (similar-incidents requests are
 * answered 503 until it is done); each import, re-import and correction (and a follow-up's changed text)
 * indexed once its transaction has committed; and every {@code closeout.similar.refresh-interval} the
 * postmortems changed since the last look re-read, which brings in what other instances and
 * {@code closeout import} (straight into the database) stored. The command line keeps no index.
 *
 * <p>One build at a time: a build over 100,000 postmortems takes seconds and hundreds of megabytes, and two at
 * once would also each drop what the other had indexed.
 */
@Singleton
@Requires(notEnv = CloseoutCommand.CLI_ENVIRONMENT)
public class SimilarIndexKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarIndexKeeper.class);
    /** Postmortems read and indexed at a time. */
    private static final int CHUNK = 2_000;
    /**
     * How far back each catch-up looks before the latest change it saw: a transaction commits some time after
     * it wrote its {@code updated_at}, and instances' clocks differ a little.
     */
    private static final Duration OVERLAP = Duration.ofMinutes(10);

    private final SimilarIndex index;
    private final SimilarSources sources;
    /** Held by the build that runs; a build waits for it. */
    private final ReentrantLock building = new ReentrantLock();
    /** The builds begun so far, numbered from 1; the number of the latest that completed. */
    private final AtomicLong buildsBegun = new AtomicLong();
    private volatile long lastBuilt;
    private volatile LocalDateTime seenUntil;

    SimilarIndexKeeper(SimilarIndex index, SimilarSources sources) {
        this.index = index;
        this.sources = sources;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Thread build = new Thread(this::rebuildLogged, "similar-index-build");
        build.setDaemon(true);
        build.start();
    }

    /**
     * Builds the index again from every postmortem of the database; answers wait until it is done. Asked while a
     * build runs, it waits for that build rather than starting another alongside; since that build may have read
     * the database before this was asked, it then builds once more, unless a build begun after the asking has
     * completed meanwhile: everyone who asked during one build shares the next.
     */
    public void rebuild() {
        long begunBefore = buildsBegun.get();
        building.lock();
        try {
            if (lastBuilt <= begunBefore) {
                build(buildsBegun.incrementAndGet());
            }
        } finally {
            building.unlock();
        }
    }

    private void build(long number) {
        long started = System.nanoTime();
        LocalDateTime latest = sources.lastChange().orElse(null);
        index.startBuild();
        long indexed = 0;
        long afterId = 0;
        List<SimilarDocument> chunk;
        while (!(chunk = sources.after(afterId, CHUNK)).isEmpty()) {
            index.putAll(chunk);
            indexed += chunk.size();
            afterId = chunk.get(chunk.size() - 1).id();
            index.progress(indexed);
        }
        index.built();
        seenUntil = latest;
        lastBuilt = number;
        LOG.info("Similar-incidents index built: {} postmortems in {} ms, {} MB", indexed,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), index.bytes() / 1_000_000);
    }

    /** Re-reads the postmortems changed since the last build or catch-up (with {@link #OVERLAP}). */
    @Scheduled(fixedDelay = "${closeout.similar.refresh-interval:1m}",
            initialDelay = "${closeout.similar.refresh-interval:1m}")
    public void catchUp() {
        if (!index.isReady()) {
            if (index.buildProgress() < 0 && !building.isLocked()) {
                // the build at start failed (the database was down, say): try again; not while one runs (it has
                // not yet reported progress), which is already doing it
                rebuildLogged();
            }
            return;
        }
        LocalDateTime since = seenUntil;
        if (since == null && sources.lastChange().isEmpty()) {
            return;
        }
        LocalDateTime latest = sources.lastChange().orElse(since);
        LocalDateTime from = since == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : since.minus(OVERLAP);
        long afterId = 0;
        List<SimilarDocument> chunk;
        while (!(chunk = sources.changedSince(from, afterId, CHUNK)).isEmpty()) {
            index.putAll(chunk);
            afterId = chunk.get(chunk.size() - 1).id();
        }
        index.refresh();
        seenUntil = latest;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onPostmortemChanged(PostmortemChanged change) {
        long id = Objects.requireNonNull(change.postmortem().id());
        update(id, change.followUps() == null ? null : SimilarSources.of(change.postmortem(), change.followUps()));
    }

    /**
     * A follow-up's text is part of its postmortem's document while it is in the text and not dismissed; other
     * changes to it are not.
     */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onActionChanged(ActionChanged change) {
        if (change.before() != null && (!change.before().text().equals(change.after().text())
                || change.before().removedFromSource() != change.after().removedFromSource()
                || change.before().dismissed() != change.after().dismissed())) {
            update(change.after().postmortemId(), null);
        }
    }

    private void update(long postmortemId, @Nullable SimilarDocument document) {
        try {
            (document == null ? sources.byId(postmortemId) : Optional.of(document)).ifPresent(index::put);
        } catch (RuntimeException e) {
            // the change is committed whatever happens here; the next catch-up indexes it
            LOG.warn("Postmortem {} not indexed for similar incidents yet ({}); the next catch-up will",
                    postmortemId, e.toString());
        }
    }

    private void rebuildLogged() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            index.progress(-1);
            LOG.error("The similar-incidents index could not be built; similar incidents stay unanswered (503) "
                    + "until the next catch-up builds it", e);
        }
    }
}
