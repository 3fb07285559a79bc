package dev.closeout.postmortem.extraction;

import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.text.Characters;

import java.util.List;

/**
 * The text commonmark's inline parser would leave of the commonest inline content, read without it:
 * plain words, and one line with a single bold run ("**Impact:** the API was down").
 *
 * <p>The inline parser builds delimiter stacks, brackets and a node per run of text for every block;
 * {@link ActionExtractor} only reads the text back. Anything this reader cannot answer exactly (escapes,
 * code, links, HTML, entities, '_', any other use of '*') is left to the full parser.
 */
final class PlainInline {

    private static final boolean[] INLINE_SIGNS = inlineSigns();

    private PlainInline() {
    }

    /** The block's text with line breaks as spaces and a bold run's markers removed, or null. */
    static String read(SourceLines lines) {
        String text = joined(lines.getLines());
        return text == null ? null : withoutTrailingSpaceTab(text);
    }

    private static String joined(List<SourceLine> all) {
        if (all.size() == 1) {
            return oneLine(all.get(0).getContent().toString());
        }
        StringBuilder out = new StringBuilder();
        for (SourceLine line : all) {
            CharSequence content = line.getContent();
            for (int i = 0; i < content.length(); i++) {
                if (isInlineSign(content.charAt(i)) || content.charAt(i) == '*') {
                    return null;
                }
            }
            if (!out.isEmpty()) {
                // a soft or hard line break reads as a space
                out.append(' ');
            }
            out.append(content);
        }
        return out.toString();
    }

    private static String oneLine(String line) {
        int open = -1;
        int close = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isInlineSign(c)) {
                return null;
            }
            if (c == '*') {
                if (close >= 0 || i + 1 >= line.length() || line.charAt(i + 1) != '*'
                        || i + 2 < line.length() && line.charAt(i + 2) == '*') {
                    // a third run, or a run of other than two stars
                    return null;
                }
                if (open < 0) {
                    open = i;
                } else {
                    close = i;
                }
                i++;
            }
        }
        if (open < 0) {
            return line;
        }
        if (close < 0 || !leftFlanking(line, open) || !rightFlanking(line, close)) {
            return null;
        }
        return line.substring(0, open) + line.substring(open + 2, close) + line.substring(close + 2);
    }

    /**
     * commonmark drops spaces and tabs at the end of the content, and they would show: a block quote's
     * text joins its blocks without a space.
     */
    private static String withoutTrailingSpaceTab(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Whether the two stars at start can open emphasis: CommonMark's left-flanking delimiter run. */
    private static boolean leftFlanking(String line, int start) {
        int before = start == 0 ? 0 : line.codePointBefore(start);
        int after = start + 2 == line.length() ? 0 : line.codePointAt(start + 2);
        return !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
    }

    /** Whether the two stars at start can close emphasis: CommonMark's right-flanking delimiter run. */
    private static boolean rightFlanking(String line, int start) {
        int before = start == 0 ? 0 : line.codePointBefore(start);
        int after = start + 2 == line.length() ? 0 : line.codePointAt(start + 2);
        return !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
    }

    /** The line's edge (0) counts as white space and as punctuation, as in commonmark. */
    private static boolean isWhitespace(int codePoint) {
        return codePoint == 0 || Characters.isWhitespaceCodePoint(codePoint);
    }

    private static boolean isPunctuation(int codePoint) {
        return codePoint == 0 || Characters.isPunctuationCodePoint(codePoint);
    }

    /**
     * Signs that may start an escape, code, a link or image, HTML, an entity or '_' emphasis; all ASCII.
     * NUL too: it stands for the line's edge here (commonmark has already replaced real ones).
     */
    private static boolean isInlineSign(char c) {
        return c < INLINE_SIGNS.length && INLINE_SIGNS[c];
    }

    private static boolean[] inlineSigns() {
        boolean[] signs = new boolean[128];
        for (char c : "\\`[]!<&_\0".toCharArray()) {
            signs[c] = true;
        }
        return signs;
    }
}
