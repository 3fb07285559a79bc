package dev.closeout.postmortem.extraction;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words a root-cause model reads: Lucene's English analyzer (lower case, English stop words, possessives
 * folded, Porter stems) over each text the rules read, each distinct stem weighted by the most trusted text it
 * appears in (the root cause 1, the title and the summary less). Presence, not counts: a long section would
 * otherwise outweigh the one sentence that names the cause. Linear in the texts' length, at most
 * {@link #MAX_CHARACTERS} read of each.
 */
final class CauseWords {

    static final int MAX_CHARACTERS = 100_000;
    /** One analyzer for every thread: Lucene keeps a token stream per thread. */
    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private CauseWords() {
    }

    /** Stem to weight, in stem order. */
    static Map<String, Double> of(List<RootCauseClassifier.Source> sources) {
        Map<String, Double> words = new TreeMap<>();
        for (RootCauseClassifier.Source source : sources) {
            if (source.text() == null || source.text().isBlank() || source.weight() <= 0) {
                continue;
            }
            String text = source.text().length() > MAX_CHARACTERS ? source.text().substring(0, MAX_CHARACTERS)
                    : source.text();
            for (String stem : stems(text)) {
                words.merge(stem, source.weight(), Math::max);
            }
        }
        return words;
    }

    static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        try (TokenStream tokens = ANALYZER.tokenStream("cause", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            // a StringReader does not fail
            throw new UncheckedIOException(e);
        }
        return stems;
    }
}
