package dev.closeout.postmortem.extraction;

import java.util.Map;

/**
 * What a root-cause model reads about one root cause: its words ({@link CauseWords}), the rules' cue scores per
 * class and the rules' answer.
 */
record CauseEvidence(Map<String, Double> words, RootCauseClassifier.Scores scores, RootCause rules) {
}
