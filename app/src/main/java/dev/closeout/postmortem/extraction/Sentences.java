package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits prose into sentences and condenses it to its first one or two. */
final class Sentences {

    private static final int SHORT_SENTENCE = 80;
    private static final int MAX_SUMMARY = 400;
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr",
            "inc", "no", "approx", "fig", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "u.s");

    private Sentences() {
    }

    /** The sentences of {@code text} in order, whitespace collapsed. */
    static List<String> split(String text) {
        return split(text, Integer.MAX_VALUE);
    }

    /** The first {@code most} sentences of {@code text}: a summary needs two, not a whole section's. */
    private static List<String> split(String text, int most) {
        List<String> sentences = new ArrayList<>();
        String flat = Markup.collapse(text);
        int start = 0;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?')
                    && (i + 1 == flat.length() || flat.charAt(i + 1) == ' ')
                    && !(c == '.' && isAbbreviation(flat, start, i));
            if (end) {
                add(sentences, flat.substring(start, i + 1));
                start = i + 1;
                if (sentences.size() == most) {
                    return sentences;
                }
            }
        }
        add(sentences, flat.substring(Math.min(start, flat.length())));
        return sentences;
    }

    /** The first sentence, with the second when the first is short; at most about 400 characters. */
    static String condense(String text) {
        List<String> sentences = split(text, 2);
        if (sentences.isEmpty()) {
            return null;
        }
        String summary = sentences.get(0);
        if (summary.length() < SHORT_SENTENCE && sentences.size() > 1) {
            summary = summary + " " + sentences.get(1);
        }
        if (summary.length() > MAX_SUMMARY) {
            int cut = summary.lastIndexOf(' ', MAX_SUMMARY);
            summary = summary.substring(0, cut > 0 ? cut : MAX_SUMMARY) + "…";
        }
        return summary;
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = sentence.trim();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }

    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        int wordStart = dot;
        while (wordStart > sentenceStart && text.charAt(wordStart - 1) != ' ') {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
    }
}
