package dev.closeout.similar;

import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The similar-incidents index: one Lucene document per postmortem (its root-cause summary and follow-up texts,
 * read by the {@link IncidentAnalyzer}, and its service, root-cause component and trigger as exact terms),
 * held in memory ({@link ByteBuffersDirectory}). The database stays the only truth: the index is rebuilt from
 * it at start and kept in step after each commit ({@link SimilarIndexKeeper}), and every answer is checked
 * against it. Searches see changes at once (near-real-time readers of the writer).
 */
@Singleton
public class SimilarIndex {

    static final String ID = "id";
    static final String POSTMORTEM_ID = "postmortem_id";
    static final String CAUSE = "cause";
    static final String FOLLOW_UPS = "follow_ups";
    static final String SERVICE = "service";
    static final String COMPONENT = "component";
    static final String TRIGGER = "trigger";

    private final Analyzer analyzer = IncidentAnalyzer.create();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong building = new AtomicLong(-1);
    private volatile boolean ready;

    SimilarIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer)
                    .setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the index holds every postmortem of the database (built at start), false while it is built. */
    public boolean isReady() {
        return ready;
    }

    /** How many postmortems a build in progress has indexed so far; -1 when none is running. */
    public long buildProgress() {
        return building.get();
    }

    /** Adds or replaces the documents of these postmortems. */
    void putAll(Collection<SimilarDocument> documents) {
        try {
            for (SimilarDocument document : documents) {
                writer.updateDocument(idTerm(document.id()), toLucene(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(SimilarDocument document) {
        putAll(List.of(document));
    }

    /** Starts a build from nothing: every document is dropped, and answers wait until {@link #built}. */
    void startBuild() {
        ready = false;
        building.set(0);
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void progress(long indexed) {
        building.set(indexed);
    }

    void built() {
        refresh();
        building.set(-1);
        ready = true;
    }

    /** Makes every change so far visible to the next search. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The postmortems most alike {@code source}, best first, at most {@code candidates} of them; among
     * {@code allowed} only, when not null. The source itself is left out.
     */
    List<SimilarityScoring.Hit> similarTo(SimilarDocument source, @Nullable Set<Long> allowed, int candidates) {
        try {
            if (!contains(source.id())) {
                // imported on another instance a moment ago: scored against itself like every other one
                put(source);
            }
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return new SimilarityScoring(searcher, analyzer).similarTo(source, allowed, candidates);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean contains(long id) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(new org.apache.lucene.search.TermQuery(idTerm(id))) > 0;
        } finally {
            searchers.release(searcher);
        }
    }

    /** How many postmortems the index holds. */
    public int size() {
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes the index's files take in memory. */
    public long bytes() {
        try {
            long bytes = 0;
            for (String file : writer.getDirectory().listAll()) {
                bytes += writer.getDirectory().fileLength(file);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    private static Document toLucene(SimilarDocument source) {
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(source.id()), Field.Store.NO));
        document.add(new NumericDocValuesField(POSTMORTEM_ID, source.id()));
        if (source.cause() != null) {
            document.add(new TextField(CAUSE, source.cause(), Field.Store.NO));
        }
        if (source.followUpText() != null) {
            document.add(new TextField(FOLLOW_UPS, source.followUpText(), Field.Store.NO));
        }
        exact(document, SERVICE, source.service());
        exact(document, COMPONENT, source.component());
        exact(document, TRIGGER, source.trigger());
        return document;
    }

    private static void exact(Document document, String field, @Nullable String value) {
        if (value != null) {
            document.add(new StringField(field, value, Field.Store.NO));
            document.add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }
}
