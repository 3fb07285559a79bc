package dev.closeout.postmortem.extraction;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words a root-cause model reads: Lucene's English analyzer (lower case, English stop words, possessives
 * folded, Porter stems) over each text the rules read, each distinct stem weighted by the most trusted text it
 * appears in (the root cause 1, the title and the summary less). Presence, not counts: a long section would
 * otherwise outweigh the one sentence that names the cause. Linear in the texts' length, at most
 * {@link #MAX_CHARACTERS} read of each.
 *
 * <p>The analyzer's chain after its tokenizer (possessive, lower case, stop words, Porter) reads one token at a time
 * and nothing else, so each word's stem is worked out once and remembered ({@link #MAX_REMEMBERED} words at most,
 * shared by every thread): the same stems as the whole analyzer, at about the cost of its tokenizer alone.
 */
final class CauseWords {

    static final int MAX_CHARACTERS = 100_000;
    /**
     * Enough for the words of thousands of postmortems; past it, or for a token longer than
     * {@link #LONGEST_REMEMBERED}, a word is stemmed each time it is read. At most a few megabytes, whatever is read.
     */
    static final int MAX_REMEMBERED = 50_000;
    static final int LONGEST_REMEMBERED = 40;
    /** One tokenizer for every thread: Lucene keeps a token stream per thread. */
    private static final Analyzer TOKENIZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
        }
    };
    /** What {@link EnglishAnalyzer} makes of a token: its stem, or none for a stop word. */
    private static final Map<String, Optional<String>> STEMS = new ConcurrentHashMap<>();

    private CauseWords() {
    }

    /** Stem to weight, in stem order. */
    static Map<String, Double> of(List<RootCauseClassifier.Source> sources) {
        // gathered in a hash map, then put in stem order once: a tree would compare its way down for every word read
        Map<String, Double> found = new HashMap<>();
        for (RootCauseClassifier.Source source : sources) {
            if (source.text() == null || source.text().isBlank() || source.weight() <= 0) {
                continue;
            }
            String text = source.text().length() > MAX_CHARACTERS ? source.text().substring(0, MAX_CHARACTERS)
                    : source.text();
            Double weight = source.weight();
            for (String stem : stems(text)) {
                Double known = found.putIfAbsent(stem, weight);
                if (known != null && known < weight) {
                    found.put(stem, weight);
                }
            }
        }
        String[] stems = found.keySet().toArray(String[]::new);
        Arrays.sort(stems);
        Map<String, Double> words = new LinkedHashMap<>(2 * stems.length);
        for (String stem : stems) {
            words.put(stem, found.get(stem));
        }
        return Collections.unmodifiableMap(words);
    }

    /** The English analyzer's stems of {@code text}, in order. */
    static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        try (TokenStream tokens = TOKENIZER.tokenStream("cause", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stemOf(term.toString()).ifPresent(stems::add);
            }
            tokens.end();
        } catch (IOException e) {
            // a StringReader does not fail
            throw new UncheckedIOException(e);
        }
        return stems;
    }

    private static Optional<String> stemOf(String token) {
        Optional<String> stem = STEMS.get(token);
        if (stem == null) {
            stem = analyse(token);
            if (STEMS.size() < MAX_REMEMBERED && token.length() <= LONGEST_REMEMBERED) {
                STEMS.put(token, stem);
            }
        }
        return stem;
    }

    /** The English analyzer's filters over one token, in its order. */
    private static Optional<String> analyse(String token) {
        OneToken source = new OneToken(token);
        try (TokenStream tokens = new PorterStemFilter(new StopFilter(new LowerCaseFilter(
                new EnglishPossessiveFilter(source)), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            Optional<String> stem = tokens.incrementToken() ? Optional.of(term.toString()) : Optional.empty();
            tokens.end();
            return stem;
        } catch (IOException e) {
            // nothing here reads
            throw new UncheckedIOException(e);
        }
    }

    /** A token stream of one token, for the filters. */
    private static final class OneToken extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private String token;

        OneToken(String token) {
            this.token = token;
        }

        @Override
        public boolean incrementToken() {
            if (token == null) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(token);
            token = null;
            return true;
        }
    }
}
