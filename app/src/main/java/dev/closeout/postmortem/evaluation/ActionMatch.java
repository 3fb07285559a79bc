package dev.closeout.postmortem.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A labelled action paired with an extracted one: their texts are at least {@link #THRESHOLD} alike
 * ({@link TextSimilarity}). An extraction that rewords an action a little still finds it; one that cuts it in
 * half or glues two together does not.
 */
public record ActionMatch(int expected, int extracted, double similarity) {

    public static final double THRESHOLD = 0.8;

    /**
     * Pairs the most alike texts first, each action at most once, so a near-duplicate cannot take the pair of a
     * better match. Returns the pairs in the order they were taken, indexes into the two lists.
     */
    public static List<ActionMatch> pair(List<String> expected, List<String> extracted) {
        List<ActionMatch> candidates = new ArrayList<>();
        for (int e = 0; e < expected.size(); e++) {
            for (int g = 0; g < extracted.size(); g++) {
                double similarity = TextSimilarity.of(expected.get(e), extracted.get(g));
                if (similarity >= THRESHOLD) {
                    candidates.add(new ActionMatch(e, g, similarity));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(ActionMatch::similarity).reversed());
        boolean[] expectedTaken = new boolean[expected.size()];
        boolean[] extractedTaken = new boolean[extracted.size()];
        List<ActionMatch> pairs = new ArrayList<>();
        for (ActionMatch candidate : candidates) {
            if (!expectedTaken[candidate.expected()] && !extractedTaken[candidate.extracted()]) {
                expectedTaken[candidate.expected()] = true;
                extractedTaken[candidate.extracted()] = true;
                pairs.add(candidate);
            }
        }
        return pairs;
    }
}
