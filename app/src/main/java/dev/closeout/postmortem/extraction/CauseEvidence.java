package dev.closeout.postmortem.extraction;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a root-cause model reads about one root cause: its words ({@link CauseWords}) in stem order, the rules' cue
 * scores per class and the rules' answer.
 */
record CauseEvidence(Map<String, Double> words, RootCauseClassifier.Scores scores, RootCause rules) {

    CauseEvidence {
        // a model sums over the words in stem order: floating-point sums depend on their order
        if (!inStemOrder(words)) {
            words = new TreeMap<>(words);
        }
    }

    private static boolean inStemOrder(Map<String, Double> words) {
        String previous = null;
        for (String word : words.keySet()) {
            if (previous != null && previous.compareTo(word) >= 0) {
                return false;
            }
            previous = word;
        }
        return true;
    }
}
