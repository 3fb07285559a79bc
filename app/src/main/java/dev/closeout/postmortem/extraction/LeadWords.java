package dev.closeout.postmortem.extraction;

import java.util.List;

/**
 * The words every match of a case-insensitive pattern opens with. The regex tries each word start in turn,
 * where one {@code indexOf} per word finds the first place worth trying: the search starts there and finds
 * the same matches.
 */
final class LeadWords {

    private final List<String> words;

    private LeadWords(List<String> words) {
        this.words = words;
    }

    /** {@code words}: lower case, each a prefix of what its alternatives of the pattern match. */
    static LeadWords of(String... words) {
        return new LeadWords(List.of(words));
    }

    /**
     * Where a match may first start in {@code text}: the text's length when none can. Positions in
     * {@code lower} are the text's only for ASCII text; other text is searched from its start.
     *
     * @param lower {@code text} lower-cased with {@code Locale.ROOT}
     */
    int searchStart(String text, String lower) {
        if (!AsciiText.isAscii(text)) {
            return 0;
        }
        int first = text.length();
        for (String word : words) {
            int at = lower.indexOf(word);
            if (at >= 0 && at < first) {
                first = at;
            }
        }
        return first;
    }
}
