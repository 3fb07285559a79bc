package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A text as normalised word stems, each with the weight a cue starting there carries: cues told as the
 * cause ("caused by a bad config") count more than cues told as the effect ("... causing 500 errors"),
 * later sentences count less, and cues under a negation ("not an attack", "we first suspected the
 * database") count nothing. Built in one pass; linear in the text's length.
 */
final class CueTokens {

    static final int MAX_TOKENS = 20_000;
    /** Cue phrases are looked up by the first letters of their first word. */
    static final int KEY_LENGTH = 3;
    /** The range of {@link #keyHash}. */
    static final int KEY_HASHES = 1 << 16;
    private static final int MAX_TOKEN_LENGTH = 40;
    private static final int WEAK_NEGATION_REACH = 3;
    private static final double CAUSE_FOCUS = 1.6;
    private static final double EFFECT_FOCUS = 0.6;
    private static final byte NOT_NEGATED = 0;
    private static final byte WEAKLY_NEGATED = 1;
    private static final byte NEGATED = 2;

    /**
     * Each marker list's bit, by the first stems of its phrases: one look-up per token for all five lists. Filled as
     * the lists below are made, so declared before them.
     */
    private static final Map<String, Integer> MARKER_FIRST_STEMS = new HashMap<>();
    /** The {@link #keyHash}es of those first stems: most tokens are looked up no further. */
    private static final BitSet MARKER_KEYS = new BitSet(KEY_HASHES);
    private static int markerLists;

    /** Phrases that introduce the cause: what follows them is what set the incident off. */
    private static final Markers CAUSE_MARKERS = stems("caused by", "due to", "because", "result of",
            "root cause", "triggered by", "stemmed from", "stems from", "attributed to", "traced to",
            "traced back to", "originated", "the cause", "culprit", "was the cause", "as a result of",
            "what caused", "source of the", "introduced by");
    /** Phrases that introduce the effect: what follows them is the damage, not the cause. */
    private static final Markers EFFECT_MARKERS = stems("caused", "causing", "cause", "led to", "leading to",
            "lead to", "leads to", "resulted in", "resulting in", "results in", "result in", "triggering",
            "triggered", "impacting", "affecting", "preventing", "making", "took down", "taking down", "so that",
            "which meant", "meaning", "rendering", "crushing", "impacted", "affected", "highlighted", "exposed",
            "revealed", "uncovered", "consequently", "as a result", "resulting", "which caused", "leaving");
    /** Negations that cover their whole clause: the clause names something that was not the cause. */
    private static final Markers CLAUSE_NEGATIONS = stems("ruled out", "initially suspected",
            "first suspected", "suspected", "initially thought", "initially believed", "assumed", "misleading",
            "red herring", "unrelated", "not related", "unaffected", "not affected", "were not impacted",
            "no evidence", "false lead", "not the cause", "not the root cause", "was not the issue",
            "hypothesis", "we thought", "speculated");
    /** Negations that cover the rest of their clause. */
    private static final Markers FORWARD_NEGATIONS = stems("rather than", "instead of", "not the result of",
            "not caused by", "not due to", "not because of", "not a", "not an", "and not", "other than");
    private static final Markers WEAK_NEGATIONS = stems("not", "no", "never", "without", "t", "nor", "cannot");

    private final String[] stems;
    private final double[] weights;
    private final boolean[] weakNegations;
    private final int[] sentences;

    private CueTokens(String[] stems, double[] weights, boolean[] weakNegations, int[] sentences) {
        this.stems = stems;
        this.weakNegations = weakNegations;
        this.weights = weights;
        this.sentences = sentences;
    }

    /**
     * Reads {@code text}; {@code decay} is how much each later sentence loses (0 keeps all equal), down to
     * a floor of a third.
     */
    static CueTokens of(String text, double decay) {
        Tokens tokens = tokenize(text == null ? "" : text);
        int n = tokens.size;
        String[] stems = Arrays.copyOf(tokens.stems, n);
        int[] sentences = Arrays.copyOf(tokens.sentences, n);
        int[] clauses = tokens.clauses;
        double[] weights = new double[n];
        boolean[] weakNegations = new boolean[n];
        int[] starts = markerStarts(stems);
        byte[] negated = negations(stems, clauses, starts);
        double focus = 1.0;
        int markerEnd = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sentences[i] != sentences[i - 1]) {
                focus = 1.0;
            }
            if (i >= markerEnd) {
                int cause = CAUSE_MARKERS.longestAt(stems, i, starts);
                int effect = EFFECT_MARKERS.longestAt(stems, i, starts);
                if (cause > 0 && cause >= effect) {
                    focus = CAUSE_FOCUS;
                    markerEnd = i + cause;
                } else if (effect > 0) {
                    focus = EFFECT_FOCUS;
                    markerEnd = i + effect;
                } else if (stems[i].equals("so") && (i == 0 || clauses[i] != clauses[i - 1])) {
                    focus = EFFECT_FOCUS;
                }
            }
            double position = Math.max(1.0 / 3, 1.0 / (1.0 + decay * sentences[i]));
            weights[i] = negated[i] == NEGATED ? 0 : focus * position;
            weakNegations[i] = negated[i] == WEAKLY_NEGATED;
        }
        return new CueTokens(stems, weights, weakNegations, sentences);
    }

    int size() {
        return stems.length;
    }

    String stem(int i) {
        return stems[i];
    }

    /** The first {@link #KEY_LENGTH} letters of a word, or the word when shorter. */
    static String key(String word) {
        return word.length() > KEY_LENGTH ? word.substring(0, KEY_LENGTH) : word;
    }

    /**
     * A hash of a word's {@link #key(String)}, below {@link #KEY_HASHES}, computed without making the key: words with
     * the same key have the same hash, so a set of the hashes of some keys tells at once that a word has none of them.
     */
    static int keyHash(String word) {
        int length = Math.min(word.length(), KEY_LENGTH);
        int hash = length;
        for (int k = 0; k < length; k++) {
            hash = 31 * hash + word.charAt(k);
        }
        return hash & (KEY_HASHES - 1);
    }

    /**
     * The weight of a cue starting at token {@code i}; {@code weakNegationCounts} false lets a "not" or
     * "no" before it pass ("no monitoring of the subnet" still names the subnet), while "ruled out" and
     * "initially suspected" still count.
     */
    double weight(int i, boolean weakNegationCounts) {
        return weakNegationCounts && weakNegations[i] ? 0 : weights[i];
    }

    int sentence(int i) {
        return sentences[i];
    }

    /** The normalised form of one word: lower case, a plural or third-person 's' removed. */
    static String stem(String word) {
        return stemLowerCase(word.toLowerCase(Locale.ROOT));
    }

    private static String stemLowerCase(String w) {
        int length = w.length();
        if (length > 4 && w.endsWith("ies")) {
            return w.substring(0, length - 3) + "y";
        }
        if (length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, length - 1);
        }
        return w;
    }

    /** {@link #stemLowerCase(String)} of the first {@code length} characters of {@code w}, which it may change. */
    private static String stemLowerCase(char[] w, int length) {
        if (length > 4 && w[length - 3] == 'i' && w[length - 2] == 'e' && w[length - 1] == 's') {
            w[length - 3] = 'y';
            return new String(w, 0, length - 2);
        }
        char beforeLast = length > 1 ? w[length - 2] : ' ';
        if (length > 3 && w[length - 1] == 's' && beforeLast != 's' && beforeLast != 'u' && beforeLast != 'i') {
            return new String(w, 0, length - 1);
        }
        return new String(w, 0, length);
    }

    /** Splits a phrase into stems the same way a text is split; '*' and '...' pass through. */
    static String[] phraseStems(String phrase) {
        List<String> words = new ArrayList<>(Arrays.stream(phrase.trim().split("[\\s\\-/]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> part.equals("...") ? part
                        : part.endsWith("*") ? part.substring(0, part.length() - 1).toLowerCase(Locale.ROOT) + "*"
                        : stem(part.replace("'", "")))
                .toList());
        for (int i = 0; i + 1 < words.size(); i++) {
            String joined = compound(words.get(i), words.get(i + 1).replace("*", ""));
            if (joined != null) {
                words.set(i, words.get(i + 1).endsWith("*") ? joined + "*" : joined);
                words.remove(i + 1);
            }
        }
        return words.toArray(String[]::new);
    }

    /**
     * Two words read as one term ("load balancer" and "loadbalancer", "data center" and "datacenter"), so
     * that a term's words do not also count as the words alone ("load" as in heavy load); null if none.
     */
    static String compound(String first, String second) {
        return switch (first) {
            case "load" -> second.startsWith("balanc") ? "loadbalanc" + second.substring("balanc".length()) : null;
            case "data" -> second.equals("center") || second.equals("centre") ? "datacenter"
                    : second.equals("base") ? "database" : null;
            case "front", "back" -> second.equals("end") ? first + "end" : null;
            case "file" -> second.equals("system") ? "filesystem" : null;
            case "web", "name" -> second.equals("server") ? first + "server" : null;
            case "time" -> second.equals("out") ? "timeout" : null;
            default -> null;
        };
    }

    private static Markers stems(String... phrases) {
        Markers markers = new Markers(1 << markerLists++, Arrays.stream(phrases).map(CueTokens::phraseStems).toList());
        markers.byFirst.keySet().forEach(first -> {
            MARKER_FIRST_STEMS.merge(first, markers.bit, (a, b) -> a | b);
            MARKER_KEYS.set(keyHash(first));
        });
        return markers;
    }

    /** Per token, the bits of the marker lists with a phrase starting with its stem. */
    private static int[] markerStarts(String[] stems) {
        int[] starts = new int[stems.length];
        for (int i = 0; i < stems.length; i++) {
            starts[i] = MARKER_KEYS.get(keyHash(stems[i])) ? MARKER_FIRST_STEMS.getOrDefault(stems[i], 0) : 0;
        }
        return starts;
    }

    /** Fixed phrases indexed by their first stem. */
    private static final class Markers {
        private final int bit;
        private final Map<String, List<String[]>> byFirst = new HashMap<>();

        Markers(int bit, List<String[]> phrases) {
            this.bit = bit;
            phrases.forEach(phrase -> byFirst.computeIfAbsent(phrase[0], key -> new ArrayList<>()).add(phrase));
        }

        /** Length of the longest phrase matching at {@code i}, or 0; {@code starts} from {@link #markerStarts}. */
        int longestAt(String[] stems, int i, int[] starts) {
            if ((starts[i] & bit) == 0) {
                return 0;
            }
            List<String[]> candidates = byFirst.get(stems[i]);
            if (candidates == null) {
                return 0;
            }
            int best = 0;
            for (String[] phrase : candidates) {
                if (phrase.length > best && i + phrase.length <= stems.length) {
                    boolean all = true;
                    for (int k = 1; k < phrase.length && all; k++) {
                        all = phrase[k].equals(stems[i + k]);
                    }
                    if (all) {
                        best = phrase.length;
                    }
                }
            }
            return best;
        }
    }

    /** Per token: {@link #NOT_NEGATED}, {@link #WEAKLY_NEGATED} ("not", "no") or {@link #NEGATED}. */
    private static byte[] negations(String[] stems, int[] clauses, int[] starts) {
        int n = stems.length;
        byte[] negated = new byte[n];
        int i = 0;
        while (i < n) {
            int clauseWide = CLAUSE_NEGATIONS.longestAt(stems, i, starts);
            int forward = clauseWide > 0 ? 0 : FORWARD_NEGATIONS.longestAt(stems, i, starts);
            int weak = clauseWide > 0 || forward > 0 ? 0 : WEAK_NEGATIONS.longestAt(stems, i, starts);
            if (clauseWide > 0) {
                int clause = clauses[i];
                for (int k = i - 1; k >= 0 && clauses[k] == clause; k--) {
                    negated[k] = NEGATED;
                }
                int k = i;
                for (; k < n && clauses[k] == clause; k++) {
                    negated[k] = NEGATED;
                }
                i = Math.max(i + 1, k);
            } else if (forward > 0) {
                int clause = clauses[i];
                int k = i + forward;
                for (; k < n && clauses[k] == clause; k++) {
                    negated[k] = NEGATED;
                }
                i = Math.max(i + 1, k);
            } else if (weak > 0) {
                int clause = clauses[i];
                for (int k = i + 1; k <= i + WEAK_NEGATION_REACH && k < n && clauses[k] == clause; k++) {
                    negated[k] = (byte) Math.max(negated[k], WEAKLY_NEGATED);
                }
                i++;
            } else {
                i++;
            }
        }
        return negated;
    }

    /** The tokens as read, each with its sentence and clause number: plain arrays, grown as needed. */
    private static final class Tokens {
        String[] stems = new String[64];
        int[] sentences = new int[64];
        int[] clauses = new int[64];
        int size;

        void add(String stem, int sentence, int clause) {
            if (size == stems.length) {
                stems = Arrays.copyOf(stems, 2 * size);
                sentences = Arrays.copyOf(sentences, 2 * size);
                clauses = Arrays.copyOf(clauses, 2 * size);
            }
            stems[size] = stem;
            sentences[size] = sentence;
            clauses[size] = clause;
            size++;
        }
    }

    private static Tokens tokenize(String text) {
        Tokens tokens = new Tokens();
        int sentence = 0;
        int clause = 0;
        boolean sentenceHasTokens = false;
        boolean clauseHasTokens = false;
        // the word read so far, lower case: one string made of it once it ends
        char[] word = new char[MAX_TOKEN_LENGTH];
        int wordLength = 0;
        int length = text.length();
        for (int i = 0; i <= length && tokens.size < MAX_TOKENS; i++) {
            char c = i < length ? text.charAt(i) : '\n';
            // an identifier such as expire_logs_days is one token, not the words it is made of
            boolean identifierJoin = c == '_' && wordLength > 0 && i + 1 < length
                    && isLetterOrDigit(text.charAt(i + 1));
            if (isLetterOrDigit(c) || identifierJoin) {
                if (wordLength < MAX_TOKEN_LENGTH) {
                    word[wordLength++] = toLowerCase(c);
                }
                continue;
            }
            if (c == '\'' || c == '’') {
                if (wordLength > 0 && i + 1 < length && Character.isLetter(text.charAt(i + 1))) {
                    // "couldn't" gives "couldn" and "t"; "let's" gives "let" and "s"
                    tokens.add(stemLowerCase(word, wordLength), sentence, clause);
                    wordLength = 0;
                }
                continue;
            }
            if (wordLength > 0) {
                String stem = stemLowerCase(word, wordLength);
                int last = tokens.size - 1;
                String joined = last >= 0 && tokens.clauses[last] == clause ? compound(tokens.stems[last], stem) : null;
                if (joined != null) {
                    tokens.stems[last] = joined;
                } else {
                    tokens.add(stem, sentence, clause);
                }
                sentenceHasTokens = true;
                clauseHasTokens = true;
                wordLength = 0;
            }
            boolean next = i + 1 >= length || Character.isWhitespace(text.charAt(i + 1));
            boolean sentenceEnd = ((c == '.' || c == '!' || c == '?') && next)
                    || (c == '\n' && (i + 1 >= length || startsNewBlock(text, i + 1)));
            boolean clauseEnd = c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '—' || c == '–'
                    || (c == '-' && i > 0 && text.charAt(i - 1) == ' ' && next);
            if (sentenceEnd && sentenceHasTokens) {
                sentence++;
                clause++;
                sentenceHasTokens = false;
                clauseHasTokens = false;
            } else if (clauseEnd && clauseHasTokens) {
                clause++;
                clauseHasTokens = false;
            }
        }
        return tokens;
    }

    // Character's own answers, given at once for ASCII, which is nearly all of a postmortem's text.

    private static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                : Character.isLetterOrDigit(c);
    }

    private static char toLowerCase(char c) {
        return c < 0x80 ? c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c : Character.toLowerCase(c);
    }

    /** A blank line, a list item or a table row after a line break starts a new sentence. */
    private static boolean startsNewBlock(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == '\n' || c == '-' || c == '*' || c == '+' || c == '|' || c == '#' || c == '•' || c == '>'
                || Character.isDigit(c);
    }
}
