package dev.closeout.postmortem.extraction;

import java.util.List;

/**
 * Words of which every match of a pattern holds one, in lower case. java.util.regex tries each
 * alternative of a long case-insensitive alternation at every word start; looking for these words
 * first is much cheaper, and most texts hold none, so the pattern runs only when it can match.
 * A list must stay in step with its pattern: a word missing here would hide a match.
 */
record NeededWords(List<String> words) {

    static NeededWords of(String... words) {
        return new NeededWords(List.of(words));
    }

    boolean anyIn(String lowerCase) {
        for (String word : words) {
            if (lowerCase.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
