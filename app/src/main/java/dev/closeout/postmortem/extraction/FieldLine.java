package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

/**
 * Splits a "Label: value" or "Label - value" line, read by hand as the pattern
 * {@code ^\s{0,8}(?:[-*+•]\s{1,4})?([A-Za-z][A-Za-z /]{1,50}?)\s{0,3}(?::|\s[-–]\s)\s{0,3}(.*)$} reads
 * it: the shortest label that a separator follows, the spacing around the separator dropped, the value
 * the rest of the line. The window finder asks this of every line; the regex engine walked the whole
 * line to capture the value, and tried the lazy label one character at a time with a dozen nodes each.
 * "White space" here is what {@code \s} matches.
 */
final class FieldLine {

    private static final int MAX_INDENT = 8;
    private static final int MAX_BULLET_SPACING = 4;
    private static final int MAX_LABEL = 51;
    private static final int MAX_SEPARATOR_SPACING = 3;

    private FieldLine() {
    }

    /** The label as written (untrimmed) and the value, or null when the line is no field. */
    static String @Nullable [] split(String text) {
        int length = text.length();
        int start = spacesFrom(text, 0, MAX_INDENT);
        if (start < length && "-*+•".indexOf(text.charAt(start)) >= 0) {
            // a bullet needs spacing after it; without, the label would have to start with the bullet
            start = spacesFrom(text, start + 1, MAX_BULLET_SPACING);
            if (!isSpace(text.charAt(start - 1))) {
                return null;
            }
        }
        if (start >= length || !isAsciiLetter(text.charAt(start))) {
            return null;
        }
        // the value may hold no line terminator, as '.' does not match one: it must start after the last
        int lastTerminator = lastLineTerminator(text);
        for (int end = start + 2; end <= Math.min(length, start + MAX_LABEL); end++) {
            char last = text.charAt(end - 1);
            if (!isAsciiLetter(last) && last != ' ' && last != '/') {
                return null;
            }
            int spacing = spacesFrom(text, end, MAX_SEPARATOR_SPACING) - end;
            // like the pattern's greedy spacing: the most spaces first, then fewer
            for (int taken = spacing; taken >= 0; taken--) {
                int separatorEnd = separatorEnd(text, end + taken);
                if (separatorEnd < 0) {
                    continue;
                }
                int valueStart = spacesFrom(text, separatorEnd, MAX_SEPARATOR_SPACING);
                if (valueStart > lastTerminator) {
                    return new String[] {text.substring(start, end), text.substring(valueStart)};
                }
            }
        }
        return null;
    }

    /** The end of a ':' or a spaced '-' or '–' at {@code at}, or -1. */
    private static int separatorEnd(String text, int at) {
        if (at < text.length() && text.charAt(at) == ':') {
            return at + 1;
        }
        if (at + 2 < text.length() && isSpace(text.charAt(at)) && (text.charAt(at + 1) == '-'
                || text.charAt(at + 1) == '–') && isSpace(text.charAt(at + 2))) {
            return at + 3;
        }
        return -1;
    }

    /** Where up to {@code most} white space characters from {@code from} end. */
    private static int spacesFrom(String text, int from, int most) {
        int at = from;
        while (at < text.length() && at - from < most && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int lastLineTerminator(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
