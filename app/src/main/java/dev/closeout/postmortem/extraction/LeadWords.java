package dev.closeout.postmortem.extraction;

import java.util.List;
import java.util.regex.Matcher;

/**
 * The words every match of a case-insensitive pattern opens with, each a word of its own start. Left to
 * {@code find}, the regex tries every position of the text in turn; in ASCII text only the places where
 * one of these words starts a word can start a match, and {@code indexOf} (vectorised by the JIT) finds
 * them: the pattern runs anchored there ({@code lookingAt}) and reports the same matches.
 */
final class LeadWords {

    private final String[] words;

    private LeadWords(List<String> words) {
        this.words = words.toArray(String[]::new);
    }

    /**
     * {@code words}: lower case, each a prefix of what its alternatives of the pattern match, each starting
     * with a letter; the pattern opens with a word boundary.
     */
    static LeadWords of(String... words) {
        return new LeadWords(List.of(words));
    }

    /**
     * The next match at or after {@code from}, as {@code matcher.find(from)} would find it, left in the
     * matcher; positions in {@code lower} are the text's only for ASCII text, and other text is searched
     * by {@code find} itself.
     *
     * @param matcher a matcher of the pattern over {@code text}
     * @param lower {@code text} lower-cased with {@code Locale.ROOT}
     * @param ascii whether {@code text} is ASCII only ({@link AsciiText#isAscii})
     */
    boolean find(Matcher matcher, String text, String lower, boolean ascii, int from) {
        if (!ascii) {
            return matcher.find(from);
        }
        // the word boundary and any look-around see the text outside the region, as find would
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int[] next = new int[words.length];
        for (int w = 0; w < words.length; w++) {
            next[w] = lower.indexOf(words[w], from);
        }
        while (true) {
            int at = Integer.MAX_VALUE;
            for (int position : next) {
                if (position >= 0 && position < at) {
                    at = position;
                }
            }
            if (at == Integer.MAX_VALUE) {
                return false;
            }
            // a word starting inside another word fails the pattern's opening boundary
            if (at == 0 || !isWordCharacter(text.charAt(at - 1))) {
                matcher.region(at, text.length());
                if (matcher.lookingAt()) {
                    return true;
                }
            }
            for (int w = 0; w < words.length; w++) {
                if (next[w] == at) {
                    next[w] = lower.indexOf(words[w], at + 1);
                }
            }
        }
    }

    /** What {@code \b} counts as a word character, for ASCII. */
    private static boolean isWordCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
