package dev.closeout.postmortem.evaluation;

import java.util.Locale;

/**
 * How alike two action texts are, from 0 to 1: 1 minus the edit distance over the longer length, ignoring
 * case, spacing and markdown signs.
 */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    public static double of(String a, String b) {
        String x = normalize(a);
        String y = normalize(b);
        int longer = Math.max(x.length(), y.length());
        if (longer == 0) {
            return 1.0;
        }
        return 1.0 - (double) levenshtein(x, y) / longer;
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[*_`#>\\[\\]]", "").replaceAll("\\s+", " ").trim();
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
