package dev.closeout.similar;

import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How alike two postmortems are, from 0 to 1: a weighted mean of five parts, each from 0 to 1.
 * <ul>
 *   <li>root-cause summary, weight {@value #CAUSE_WEIGHT}, and follow-up texts, weight {@value #FOLLOW_UP_WEIGHT}:
 *   Lucene's MoreLikeThis turns the source's text into a query of its most telling terms (tf·idf, up to
 *   {@value #QUERY_TERMS}), scored with BM25; a postmortem's score is divided by the source's own score
 *   against that query, so the source itself would score 1 (a higher score, possible with BM25's length
 *   norm, counts as 1);</li>
 *   <li>same root-cause component, weight {@value #COMPONENT_WEIGHT}; same trigger, weight
 *   {@value #TRIGGER_WEIGHT}; same service, weight {@value #SERVICE_WEIGHT}.</li>
 * </ul>
 * A part the source does not have (no follow-ups, no service, component {@code other}, trigger
 * {@code unknown}: nothing said) is left out and the mean is taken over the others.
 */
final class SimilarityScoring {

    static final double CAUSE_WEIGHT = 0.45;
    static final double FOLLOW_UP_WEIGHT = 0.20;
    static final double COMPONENT_WEIGHT = 0.10;
    static final double TRIGGER_WEIGHT = 0.10;
    static final double SERVICE_WEIGHT = 0.15;
    static final int QUERY_TERMS = 25;
    /** From this many postmortems on, words found in a tenth of them are left out of the queries. */
    static final int COMMON_FROM = 1_000;

    /** A postmortem alike the source: its id, its score (0..1) and which labels it shares. */
    record Hit(long id, double score, boolean sameComponent, boolean sameTrigger) {
    }

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    SimilarityScoring(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    List<Hit> similarTo(SimilarDocument source, @Nullable Set<Long> allowed, int candidates) throws IOException {
        Query filter = allowed == null ? null : new TermInSetQuery(SimilarIndex.ID,
                allowed.stream().map(id -> new BytesRef(Long.toString(id))).toList());
        int self = selfDoc(source.id());
        TextPart cause = textPart(SimilarIndex.CAUSE, source.cause(), self);
        TextPart followUps = textPart(SimilarIndex.FOLLOW_UPS, source.followUpText(), self);
        String component = "other".equals(source.component()) ? null : source.component();
        String trigger = "unknown".equals(source.trigger()) ? null : source.trigger();

        Map<Integer, double[]> found = new HashMap<>();
        collect(found, cause, 0, filter, candidates);
        collect(found, followUps, 1, filter, candidates);
        if (component != null && trigger != null) {
            // postmortems of the same cause whose texts share little are candidates too
            collect(found, new BooleanQuery.Builder()
                    .add(new TermQuery(new org.apache.lucene.index.Term(SimilarIndex.COMPONENT, component)),
                            BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new org.apache.lucene.index.Term(SimilarIndex.TRIGGER, trigger)),
                            BooleanClause.Occur.FILTER).build(), -1, filter, candidates);
        }
        double weights = (cause.usable() ? CAUSE_WEIGHT : 0) + (followUps.usable() ? FOLLOW_UP_WEIGHT : 0)
                + (component == null ? 0 : COMPONENT_WEIGHT) + (trigger == null ? 0 : TRIGGER_WEIGHT)
                + (source.service() == null ? 0 : SERVICE_WEIGHT);
        List<Hit> hits = new ArrayList<>();
        if (weights == 0) {
            return hits;
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (Map.Entry<Integer, double[]> entry : found.entrySet()) {
            int doc = entry.getKey();
            if (doc == self) {
                continue;
            }
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            int leafDoc = doc - leaf.docBase;
            boolean sameComponent = same(source.component(), value(leaf, SimilarIndex.COMPONENT, leafDoc));
            boolean sameTrigger = same(source.trigger(), value(leaf, SimilarIndex.TRIGGER, leafDoc));
            boolean sameService = same(source.service(), value(leaf, SimilarIndex.SERVICE, leafDoc));
            double sum = cause.normalized(entry.getValue()[0]) * CAUSE_WEIGHT
                    + followUps.normalized(entry.getValue()[1]) * FOLLOW_UP_WEIGHT
                    + (component != null && sameComponent ? COMPONENT_WEIGHT : 0)
                    + (trigger != null && sameTrigger ? TRIGGER_WEIGHT : 0)
                    + (source.service() != null && sameService ? SERVICE_WEIGHT : 0);
            if (sum > 0) {
                hits.add(new Hit(postmortemId(leaf, leafDoc), sum / weights, sameComponent, sameTrigger));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::id));
        return hits;
    }

    /** One text field of the source as a query, with the source's own score against it. */
    private record TextPart(@Nullable Query query, double selfScore) {

        boolean usable() {
            return query != null && selfScore > 0;
        }

        double normalized(double score) {
            return usable() ? Math.min(1.0, score / selfScore) : 0;
        }
    }

    private TextPart textPart(String field, @Nullable String text, int self) throws IOException {
        if (text == null || self < 0) {
            return new TextPart(null, 0);
        }
        MoreLikeThis likeThis = new MoreLikeThis(searcher.getIndexReader());
        likeThis.setAnalyzer(analyzer);
        likeThis.setFieldNames(new String[] {field});
        // one postmortem is a short text: a word it says once still tells, and a word only it says counts
        likeThis.setMinTermFreq(1);
        likeThis.setMinDocFreq(1);
        likeThis.setMaxQueryTerms(QUERY_TERMS);
        // a word in a tenth of all postmortems or more tells little about the failure, and would have every query
        // read that many documents; below a thousand postmortems every word is kept
        int documents = searcher.getIndexReader().numDocs();
        if (documents >= COMMON_FROM) {
            likeThis.setMaxDocFreq(documents / 10);
        }
        Query query = likeThis.like(field, new StringReader(text));
        if (query instanceof BooleanQuery bool && bool.clauses().isEmpty()) {
            return new TextPart(null, 0);
        }
        return new TextPart(query, searcher.explain(query, self).getValue().doubleValue());
    }

    private void collect(Map<Integer, double[]> found, TextPart part, int slot, @Nullable Query filter,
                         int candidates) throws IOException {
        if (part.usable()) {
            collect(found, part.query(), slot, filter, candidates);
        }
    }

    private void collect(Map<Integer, double[]> found, Query query, int slot, @Nullable Query filter,
                         int candidates) throws IOException {
        Query filtered = filter == null ? query : new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
        TopDocs top = searcher.search(filtered, candidates);
        for (ScoreDoc hit : top.scoreDocs) {
            double[] scores = found.computeIfAbsent(hit.doc, doc -> new double[2]);
            if (slot >= 0) {
                scores[slot] = hit.score;
            }
        }
    }

    private int selfDoc(long id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(SimilarIndex.idTerm(id)), 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }

    private static boolean same(@Nullable String value, @Nullable String other) {
        return value != null && value.equals(other);
    }

    private static @Nullable String value(LeafReaderContext leaf, String field, int doc) throws IOException {
        SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
        return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    private static long postmortemId(LeafReaderContext leaf, int doc) throws IOException {
        NumericDocValues ids = DocValues.getNumeric(leaf.reader(), SimilarIndex.POSTMORTEM_ID);
        if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("a similar-incidents document without its postmortem id");
        }
        return ids.longValue();
    }
}
