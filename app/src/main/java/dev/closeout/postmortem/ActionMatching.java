package dev.closeout.postmortem;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pairs the actions of a changed postmortem text with the stored ones by how alike their texts are: one
 * minus the edit distance over the longer text, after ignoring case, markup and spacing. Pairs are taken
 * best first, each action at most once; texts less alike than {@link #THRESHOLD} are different actions.
 */
final class ActionMatching {

    /** The ratio the extraction's corpus evaluation counts as "the same action, reworded". */
    static final double THRESHOLD = 0.8;

    private static final Pattern MARKUP = Pattern.compile("[*_`#>\\[\\]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private record Candidate(int incoming, int stored, double score) {
    }

    private ActionMatching() {
    }

    /** For each incoming index that matches a stored action, that action's index. */
    static Map<Integer, Integer> pairs(List<String> stored, List<String> incoming) {
        List<String> storedTexts = stored.stream().map(ActionMatching::normalize).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < incoming.size(); i++) {
            String text = normalize(incoming.get(i));
            for (int j = 0; j < storedTexts.size(); j++) {
                double score = similarity(text, storedTexts.get(j));
                if (score >= THRESHOLD) {
                    candidates.add(new Candidate(i, j, score));
                }
            }
        }
        // among equally good pairs, an action that kept its place wins
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(candidate -> Math.abs(candidate.incoming() - candidate.stored()))
                .thenComparingInt(Candidate::incoming));
        Map<Integer, Integer> pairs = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (!pairs.containsKey(candidate.incoming()) && taken.add(candidate.stored())) {
                pairs.put(candidate.incoming(), candidate.stored());
            }
        }
        return pairs;
    }

    /** 1 for the same text, 0 for texts too different to be one action; both already normalised. */
    static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1.0;
        }
        // the bounded distance stops early on texts that cannot reach the threshold; the epsilon keeps
        // 0.2 * 5 from flooring to 0 in binary floating point
        int allowed = (int) Math.floor((1 - THRESHOLD) * longer + 1e-9);
        int distance = new LevenshteinDistance(allowed).apply(a, b);
        return distance < 0 ? 0.0 : 1.0 - (double) distance / longer;
    }

    static String normalize(String text) {
        String plain = MARKUP.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return SPACES.matcher(plain).replaceAll(" ").trim();
    }
}
