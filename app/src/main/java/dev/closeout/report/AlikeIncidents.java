package dev.closeout.report;

import dev.closeout.similar.IncidentAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups incidents whose root-cause summaries read alike (docs/reports.md, "Recurring causes"). The summaries
 * are read by the {@link IncidentAnalyzer} and indexed by Lucene for this report alone, so words common across
 * its incidents weigh little; each one is turned by MoreLikeThis into a query of its {@value #QUERY_TERMS} most
 * telling terms and scored against the others with BM25. A score divided by the summary's score against itself
 * is its likeness to the other, from 0 to 1. Two incidents are linked when each is at least {@value #THRESHOLD}
 * alike the other; a group holds incidents all linked to each other (complete linkage). One query per incident.
 */
final class AlikeIncidents {

    /** Both ways at least this alike: the summaries share most of their telling words. */
    static final double THRESHOLD = 0.4;
    /** The most incidents compared in one report: the latest ones of the window. */
    static final int MAX_COMPARED = 500;
    static final int QUERY_TERMS = 25;
    /** The best matches of each summary looked at for links. */
    private static final int NEIGHBOURS = 20;
    private static final String TEXT = "text";

    private AlikeIncidents() {
    }

    /** The groups of two summaries or more that read alike, as positions in {@code summaries}, in order. */
    static List<List<Integer>> groups(List<String> summaries) {
        if (summaries.size() < 2) {
            return List.of();
        }
        Analyzer analyzer = IncidentAnalyzer.create();
        try (Directory directory = new ByteBuffersDirectory()) {
            // no merges: segments keep the order they were written in, so a document's number is its position
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (String summary : summaries) {
                    Document document = new Document();
                    document.add(new TextField(TEXT, summary, Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            Map<Long, Double> likeness = new HashMap<>();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                MoreLikeThis likeThis = new MoreLikeThis(reader);
                likeThis.setAnalyzer(analyzer);
                likeThis.setFieldNames(new String[] {TEXT});
                // a summary is one sentence or two: a word said once still tells
                likeThis.setMinTermFreq(1);
                likeThis.setMinDocFreq(1);
                likeThis.setMaxQueryTerms(QUERY_TERMS);
                for (int doc = 0; doc < summaries.size(); doc++) {
                    Query query = likeThis.like(TEXT, new StringReader(summaries.get(doc)));
                    if (query instanceof BooleanQuery bool && bool.clauses().isEmpty()) {
                        continue;
                    }
                    ScoreDoc[] hits = searcher.search(query, NEIGHBOURS + 1).scoreDocs;
                    double self = selfScore(searcher, query, hits, doc);
                    if (self <= 0) {
                        continue;
                    }
                    for (ScoreDoc hit : hits) {
                        if (hit.doc != doc) {
                            likeness.put(pair(doc, hit.doc), Math.min(1.0, hit.score / self));
                        }
                    }
                }
            }
            return completeLinkage(summaries.size(), likeness);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary's own score against its query: among the best hits as a rule, else asked for (slower). */
    private static double selfScore(IndexSearcher searcher, Query query, ScoreDoc[] hits, int doc) throws IOException {
        for (ScoreDoc hit : hits) {
            if (hit.doc == doc) {
                return hit.score;
            }
        }
        return searcher.explain(query, doc).getValue().doubleValue();
    }

    private static long pair(int from, int to) {
        return (long) from << 32 | to;
    }

    /**
     * Groups by complete linkage: the most alike pairs first, two groups join only when every incident of one is
     * linked to every incident of the other, so no chain of pairs joins incidents that do not read alike.
     */
    private static List<List<Integer>> completeLinkage(int count, Map<Long, Double> likeness) {
        List<long[]> links = new ArrayList<>();
        likeness.forEach((pair, oneWay) -> {
            int from = (int) (pair >>> 32);
            int to = (int) (pair & 0xFFFF_FFFFL);
            double bothWays = Math.min(oneWay, likeness.getOrDefault(pair(to, from), 0.0));
            if (from < to && bothWays >= THRESHOLD) {
                links.add(new long[] {from, to, Double.doubleToLongBits(bothWays)});
            }
        });
        links.sort(Comparator.<long[]>comparingDouble(link -> Double.longBitsToDouble(link[2])).reversed()
                .thenComparingLong(link -> link[0]).thenComparingLong(link -> link[1]));
        // each incident's group, named by its first member; a group's members, in order
        int[] groupOf = new int[count];
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            groupOf[i] = i;
            groups.put(i, new ArrayList<>(List.of(i)));
        }
        for (long[] link : links) {
            int one = groupOf[(int) link[0]];
            int other = groupOf[(int) link[1]];
            if (one != other && allLinked(groups.get(one), groups.get(other), likeness)) {
                int kept = Math.min(one, other);
                List<Integer> merged = groups.get(kept);
                List<Integer> gone = groups.remove(Math.max(one, other));
                merged.addAll(gone);
                merged.sort(Integer::compare);
                gone.forEach(member -> groupOf[member] = kept);
            }
        }
        groups.values().removeIf(group -> group.size() < 2);
        return List.copyOf(groups.values());
    }

    private static boolean allLinked(List<Integer> one, List<Integer> other, Map<Long, Double> likeness) {
        for (int a : one) {
            for (int b : other) {
                if (likeness.getOrDefault(pair(a, b), 0.0) < THRESHOLD
                        || likeness.getOrDefault(pair(b, a), 0.0) < THRESHOLD) {
                    return false;
                }
            }
        }
        return true;
    }
}
