package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weighted cue phrases for a set of labels, compiled once. A phrase is words separated by spaces; a word
 * ending in '*' matches any word it starts (at least three letters before the '*'), and "..." lets up to
 * three words of the same sentence stand between its neighbours ("certificate ... expired").
 *
 * <p>The table is written one label per line as {@code label weight: phrase, phrase, ...}; several lines
 * may share a label with different weights. Blank lines and lines starting with '#' are ignored.
 */
final class CueTable {

    private static final int GAP = 3;
    /**
     * Words whose cues are remembered (each at most 40 letters, so a few megabytes at most); past it a word's cues are
     * looked for each time it is read.
     */
    private static final int MAX_REMEMBERED = 50_000;
    private static final Cue[] NONE = new Cue[0];
    private static final double REPEAT_SHARE = 0.25;

    /** A phrase: its words without the '*', which of them match by prefix, and its place in the table. */
    private record Cue(int id, int label, double weight, String[] words, boolean[] prefix) {
    }

    private final List<String> labels;
    private final Map<String, List<Cue>> byKey = new HashMap<>();
    /** Per word read, the cues whose first word it matches, in {@link #byKey}'s order. */
    private final Map<String, Cue[]> byFirstWord = new ConcurrentHashMap<>();
    /** The {@link CueTokens#keyHash}es of {@link #byKey}'s keys: most words read are looked up no further. */
    private final BitSet keyHashes = new BitSet(CueTokens.KEY_HASHES);
    private final boolean weakNegationCounts;
    /** The label of each cue, by id. */
    private final int[] labelOf;
    private int cueCount;

    /**
     * {@code weakNegationCounts}: whether a "not" or "no" just before a cue cancels it (right for what
     * happened, "not an attack"; wrong for where, "no monitoring of the subnet").
     */
    CueTable(List<String> labels, boolean weakNegationCounts, String table) {
        this.labels = List.copyOf(labels);
        this.weakNegationCounts = weakNegationCounts;
        for (String raw : table.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String[] head = line.substring(0, colon).trim().split("\\s+");
            int label = this.labels.indexOf(head[0]);
            if (label < 0 || head.length != 2) {
                throw new IllegalArgumentException("bad cue line: " + line);
            }
            double weight = Double.parseDouble(head[1]);
            for (String phrase : line.substring(colon + 1).split(",")) {
                String[] words = CueTokens.phraseStems(phrase);
                if (words.length == 0 || words[0].equals("...")) {
                    continue;
                }
                if (words[0].endsWith("*") && words[0].length() <= CueTokens.KEY_LENGTH) {
                    throw new IllegalArgumentException("prefix too short: " + phrase);
                }
                boolean[] prefix = new boolean[words.length];
                String[] bare = new String[words.length];
                for (int w = 0; w < words.length; w++) {
                    prefix[w] = words[w].endsWith("*");
                    bare[w] = prefix[w] ? words[w].substring(0, words[w].length() - 1) : words[w];
                }
                byKey.computeIfAbsent(CueTokens.key(bare[0]), k -> new ArrayList<>())
                        .add(new Cue(cueCount++, label, weight, bare, prefix));
            }
        }
        byKey.keySet().forEach(key -> keyHashes.set(CueTokens.keyHash(key)));
        labelOf = new int[cueCount];
        byKey.values().forEach(cues -> cues.forEach(cue -> labelOf[cue.id()] = cue.label()));
        // longer phrases first, so a phrase covers the shorter ones of its label inside it
        byKey.values().forEach(cues -> cues.sort(Comparator.comparingInt((Cue cue) -> cue.words().length).reversed()));
    }

    List<String> labels() {
        return labels;
    }

    /**
     * Adds to {@code scores} (one per label) every cue found in {@code tokens}, times {@code weight}. A cue
     * found again adds only a quarter of its further finds: a word repeated is not a stronger reason.
     */
    void score(CueTokens tokens, double weight, double[] scores) {
        int[] coveredUntil = new int[labels.size()];
        Arrays.fill(coveredUntil, -1);
        // a text finds a few dozen of the table's hundreds of cues: each find is kept as its cue's id and
        // its order of finding, and its value, rather than summed in arrays over every cue
        long[] finds = new long[16];
        double[] values = new double[16];
        int count = 0;
        for (int i = 0; i < tokens.size(); i++) {
            for (Cue cue : startingWith(tokens.stem(i))) {
                if (i < coveredUntil[cue.label()]) {
                    continue;
                }
                int end = match(cue, 1, tokens, i + 1);
                if (end > 0) {
                    coveredUntil[cue.label()] = end;
                    if (count == finds.length) {
                        finds = Arrays.copyOf(finds, 2 * count);
                        values = Arrays.copyOf(values, 2 * count);
                    }
                    finds[count] = (long) cue.id() << 32 | count;
                    values[count] = cue.weight() * tokens.weight(i, weakNegationCounts) * weight;
                    count++;
                }
            }
        }
        // by cue, and each cue's finds in the order found: floating-point sums depend on their order
        Arrays.sort(finds, 0, count);
        int f = 0;
        while (f < count) {
            int id = (int) (finds[f] >>> 32);
            double best = 0;
            double total = 0;
            for (; f < count && (int) (finds[f] >>> 32) == id; f++) {
                double value = values[(int) finds[f]];
                best = Math.max(best, value);
                total += value;
            }
            scores[labelOf[id]] += best + REPEAT_SHARE * (total - best);
        }
    }

    /** The cues whose first word {@code stem} matches: most words start none, and a few start one or two. */
    private Cue[] startingWith(String stem) {
        if (!keyHashes.get(CueTokens.keyHash(stem))) {
            return NONE;
        }
        Cue[] cues = byFirstWord.get(stem);
        if (cues == null) {
            List<Cue> keyed = byKey.getOrDefault(CueTokens.key(stem), List.of());
            cues = keyed.stream().filter(cue -> matches(cue, 0, stem)).toArray(Cue[]::new);
            cues = cues.length == 0 ? NONE : cues;
            if (byFirstWord.size() < MAX_REMEMBERED) {
                byFirstWord.put(stem, cues);
            }
        }
        return cues;
    }

    /** The end (exclusive) of a match of {@code words[w..]} starting at token {@code i}, or -1. */
    private static int match(Cue cue, int w, CueTokens tokens, int i) {
        String[] words = cue.words();
        if (w == words.length) {
            return i;
        }
        String word = words[w];
        if (word.equals("...")) {
            for (int skip = 0; skip <= GAP && i + skip < tokens.size(); skip++) {
                if (skip > 0 && tokens.sentence(i + skip) != tokens.sentence(i - 1)) {
                    break;
                }
                int end = match(cue, w + 1, tokens, i + skip);
                if (end > 0) {
                    return end;
                }
            }
            return -1;
        }
        if (i >= tokens.size() || (w > 0 && tokens.sentence(i) != tokens.sentence(i - 1))) {
            return -1;
        }
        return matches(cue, w, tokens.stem(i)) ? match(cue, w + 1, tokens, i + 1) : -1;
    }

    /** Whether word {@code w} of the cue (not "...") matches {@code stem}. */
    private static boolean matches(Cue cue, int w, String stem) {
        String word = cue.words()[w];
        // an identifier (expire_logs_days) names a setting, not the words it starts with
        return cue.prefix()[w] ? stem.startsWith(word) && stem.indexOf('_') < 0 : word.equals(stem);
    }
}
