package dev.closeout.postmortem.extraction;

import java.util.regex.Pattern;

/** Removes markdown markup from a line or a fragment, leaving what a reader sees. */
public final class Markup {

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern HEADING_MARKS = Pattern.compile("^\\s{0,3}#{1,6}\\s*|\\s+#+\\s*$");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private static final int MAX_MARKUP_LENGTH = 20_000;

    private Markup() {
    }

    private static final TextCache<String> STRIPPED = new TextCache<>(Markup::stripUncached);

    /** Inline markup removed, whitespace collapsed. */
    public static String strip(String text) {
        // text with no markup sign and single spaces is its own plain text: no need to hash it into the cache
        return isPlain(text) ? text : STRIPPED.get(text);
    }

    private static String stripUncached(String text) {
        if (text.length() > MAX_MARKUP_LENGTH) {
            // emphasis matching is quadratic on pathological input; a huge line loses only its markup signs
            return collapse(text.replaceAll("[*_`~\\\\]", ""));
        }
        if (!hasMarkupSign(text)) {
            return collapse(text);
        }
        String plain = text.indexOf('[') < 0 ? text : LINK.matcher(text).replaceAll("$1");
        plain = plain.indexOf('`') < 0 ? plain : CODE.matcher(plain).replaceAll("$1");
        plain = withoutEmphasis(plain);
        plain = plain.indexOf('<') < 0 ? plain : HTML_TAG.matcher(plain).replaceAll("");
        return collapse(plain.replace("\\", ""));
    }

    /** A heading or lead-in as its words: no '#', no emphasis, no trailing colon. */
    public static String label(String line) {
        // most labels come without '#', and the pattern's second half tries every white space in the line
        String label = strip(line.indexOf('#') < 0 ? line : HEADING_MARKS.matcher(line).replaceAll(""));
        while (label.endsWith(":")) {
            label = label.substring(0, label.length() - 1).trim();
        }
        return label;
    }

    /** The line without its list marker (and checkbox), or the line itself when it has none. */
    public static String withoutListMarker(String line) {
        int end = listMarkerEnd(line);
        return end < 0 ? line : line.substring(end);
    }

    public static boolean isListItem(String line) {
        return listMarkerEnd(line) >= 0;
    }

    /**
     * Where the text after a list marker starts, or -1 when the line has none. A marker is white space,
     * then a bullet ({@code - * + • ◦ ▪ o}), one to three digits or one letter followed by '.' or ')',
     * then white space, and maybe a checkbox ("[ ]", "[x]") and white space after it. Read by hand, as
     * every line of every finder asks: "white space" is what {@code \s} matches in a pattern.
     */
    private static int listMarkerEnd(String line) {
        int length = line.length();
        int i = 0;
        while (i < length && isPatternSpace(line.charAt(i))) {
            i++;
        }
        if (i >= length) {
            return -1;
        }
        char first = line.charAt(i);
        int end = "-*+•◦▪o".indexOf(first) >= 0 ? spaceRunEnd(line, i + 1) : -1;
        if (end < 0 && isAsciiDigit(first)) {
            int j = i;
            while (j < length && j - i < 3 && isAsciiDigit(line.charAt(j))) {
                j++;
            }
            end = j < length && isOrdinalSign(line.charAt(j)) ? spaceRunEnd(line, j + 1) : -1;
        }
        if (end < 0 && (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')
                && i + 1 < length && isOrdinalSign(line.charAt(i + 1))) {
            end = spaceRunEnd(line, i + 2);
        }
        if (end >= 0 && end + 2 < length && line.charAt(end) == '[' && " xX".indexOf(line.charAt(end + 1)) >= 0
                && line.charAt(end + 2) == ']') {
            int afterCheckbox = spaceRunEnd(line, end + 3);
            return afterCheckbox < 0 ? end : afterCheckbox;
        }
        return end;
    }

    /** The end of the white space starting at {@code from}, or -1 when none starts there. */
    private static int spaceRunEnd(String line, int from) {
        int i = from;
        while (i < line.length() && isPatternSpace(line.charAt(i))) {
            i++;
        }
        return i > from ? i : -1;
    }

    /** What {@code \s} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isOrdinalSign(char c) {
        return c == '.' || c == ')';
    }

    public static String collapse(String text) {
        if (isCollapsed(text)) {
            return text;
        }
        // word by word, each copied whole and joined by one space
        int length = text.length();
        StringBuilder out = new StringBuilder(length);
        int i = 0;
        while (true) {
            while (i < length && isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == length) {
                return out.toString();
            }
            int word = i;
            while (i < length && !isWhitespace(text.charAt(i))) {
                i++;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(text, word, i);
        }
    }

    /** Whether the text has a digit: dates, times, tickets and shares all need one, most lines have none. */
    public static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** How many words, separated by white space, the text has. */
    public static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** The markup signs ('[', '`', '*', '_', '~', '<', the backslash) by character code. */
    private static final boolean[] MARKUP_SIGNS = new boolean[128];

    static {
        for (char sign : "[`*_~<\\".toCharArray()) {
            MARKUP_SIGNS[sign] = true;
        }
    }

    private static boolean hasMarkupSign(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < MARKUP_SIGNS.length && MARKUP_SIGNS[c]) {
                return true;
            }
        }
        return false;
    }

    /**
     * No markup sign and already collapsed (single spaces between words, none at the ends), in one pass:
     * most lines are, and then need neither the cache nor the five regex passes of stripping.
     */
    static boolean isPlain(String text) {
        int last = text.length() - 1;
        boolean afterSpace = false;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == last || afterSpace) {
                    return false;
                }
                afterSpace = true;
                continue;
            }
            if (c < MARKUP_SIGNS.length ? MARKUP_SIGNS[c] || c < ' ' && Character.isWhitespace(c)
                    : Character.isWhitespace(c)) {
                return false;
            }
            afterSpace = false;
        }
        return true;
    }

    private static boolean isCollapsed(String text) {
        int length = text.length();
        if (length > 0 && (isWhitespace(text.charAt(0)) || isWhitespace(text.charAt(length - 1)))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? i + 1 < length && isWhitespace(text.charAt(i + 1)) : isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link Character#isWhitespace}, answered at once for printable ASCII, most of any text: the
     * collapse checks ask it of every character of every line.
     */
    private static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= '\u007f') && Character.isWhitespace(c);
    }

    /**
     * Emphasis delimiters removed in one pass: runs of '*' unless they stand alone between spaces
     * ("5 * 3"), '_' unless inside a word (expire_logs_days), '~~'. A regex pairing openers with closers
     * costs time quadratic in the line; what a reader sees is the same.
     */
    static String withoutEmphasis(String text) {
        int length = text.length();
        int sign = nextEmphasisSign(text, 0);
        if (sign == length) {
            return text;
        }
        // the text between dropped delimiters is copied in runs, not a character at a time
        StringBuilder out = new StringBuilder(length);
        int kept = 0;
        while (sign < length) {
            char c = text.charAt(sign);
            int end = sign;
            while (end < length && text.charAt(end) == c) {
                end++;
            }
            char before = sign > 0 ? text.charAt(sign - 1) : ' ';
            char after = end < length ? text.charAt(end) : ' ';
            boolean delimiter = switch (c) {
                case '_' -> !(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after));
                case '~' -> end - sign >= 2;
                default -> !(Character.isWhitespace(before) && Character.isWhitespace(after));
            };
            if (delimiter) {
                out.append(text, kept, sign);
                kept = end;
            }
            sign = nextEmphasisSign(text, end);
        }
        return out.append(text, kept, length).toString();
    }

    private static int nextEmphasisSign(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '*' && text.charAt(i) != '_' && text.charAt(i) != '~') {
            i++;
        }
        return i;
    }
}
