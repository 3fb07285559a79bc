package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends the markdown people actually write before it is parsed, one line for one line so line numbers
 * stay true: YAML front matter, headings without the space after '#', word-processor bullets ('•', 'o'
 * with a tab, '✅'), HTML list items written one a line, lists indented so far they would read as code
 * (after a blank line or a heading), rst-style '*' and '#.' lists, and
 * nesting deep enough to overflow a recursive reader.
 */
final class MarkdownRepair {

    /** Deeper nesting than any postmortem needs; the parser's tree stays shallow. */
    static final int MAX_DEPTH = 12;
    private static final int MAX_INDENT = 2 * MAX_DEPTH;
    private static final Pattern ATX_NO_SPACE = Pattern.compile("^(\\s{0,3}#{1,6})([^#\\s\\d])");
    /** A bullet that is not markdown's, matched after the line's indentation. */
    private static final Pattern SYMBOL_BULLET = Pattern.compile(
            "(?:[•◦▪▫●○■□‣∙·➢➤►▶✓✔✅☑☐⬜❌✗✘→⇒]|\\\\\\*|o(?=\\t)|-(?=\\t)|\\*(?=\\t))\\uFE0F?[\\t ]*(?=\\S)");
    private static final Pattern ATX_HEADING = Pattern.compile("#{1,6}(?:\\s|$)");
    /** An HTML list item written on one line, maybe opening or closing its list: "<ol><li>Add X</li>". */
    private static final Pattern HTML_ITEM = Pattern.compile(
            "(?i)(?:<(ol|ul)\\b[^>]{0,200}>\\s*)?<li\\b[^>]{0,200}>(.*?)(?:</li>)?\\s*(?:</(?:ol|ul)>)?\\s*");
    private static final Pattern RST_ENUMERATION = Pattern.compile("#\\.\\s+");
    private static final Pattern LIST_START = Pattern.compile("(?:[-*+]|\\d{1,9}[.)])(?:\\s|$)");
    private static final int MAX_INLINE_BLOCK = 20_000;
    private static final Pattern INLINE_MARKUP = Pattern.compile("[*_`\\[\\]<>!~\\\\]");
    private static final Pattern FRONT_MATTER_LINE = Pattern.compile("^[\\w.-]+\\s*:.*|^\\s*-\\s.*|^#.*|^\\s+.*");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

    private MarkdownRepair() {
    }

    /** The mended lines, one for each line given. */
    static List<String> repair(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int frontMatterEnd = frontMatterEnd(lines);
        boolean inFence = false;
        boolean previousBlank = true;
        boolean inList = false;
        int codeIndent = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i < frontMatterEnd) {
                line = "";
            } else if (mayBeFence(line) && FENCE.matcher(line).lookingAt()) {
                inFence = !inFence;
            } else if (!inFence) {
                line = repairLine(line);
                int indent = indentOf(line);
                boolean blank = line.isBlank();
                // a list pasted with a deep indent after a blank line would be an indented code block
                if (!blank && indent >= 4 && previousBlank && !inList) {
                    codeIndent = indent;
                }
                if (codeIndent >= 0 && !blank) {
                    if (indent >= codeIndent || indent >= 4) {
                        line = line.substring(Math.min(codeIndent, indent));
                    } else {
                        codeIndent = -1;
                    }
                }
                if (!blank) {
                    inList = mayStartList(line) && LIST_START.matcher(line).region(leadingWhitespace(line), line.length()).lookingAt() || (inList && indentOf(line) > 0);
                }
                // a heading is a block of one line: an indented line after it starts a code block too
                previousBlank = blank || isAtxHeading(line);
            }
            out.add(line);
        }
        flattenHugeBlocks(out);
        return out;
    }

    /**
     * commonmark's inline parser slows quadratically on a block with many thousands of unmatched
     * emphasis and link delimiters; a block that long is not a postmortem's prose, so it loses its
     * inline markup signs instead.
     */
    private static void flattenHugeBlocks(List<String> lines) {
        int start = 0;
        long length = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean end = i == lines.size() || lines.get(i).isBlank();
            if (!end) {
                length += lines.get(i).length();
                continue;
            }
            if (length > MAX_INLINE_BLOCK) {
                for (int j = start; j < i; j++) {
                    lines.set(j, INLINE_MARKUP.matcher(lines.get(j)).replaceAll(""));
                }
            }
            start = i + 1;
            length = 0;
        }
    }

    private static String repairLine(String line) {
        String repaired = line;
        int indent = leadingWhitespace(repaired);
        Matcher bullet = maySymbolBullet(repaired, indent)
                ? SYMBOL_BULLET.matcher(repaired).region(indent, repaired.length()) : null;
        if (bullet != null && bullet.lookingAt()) {
            // a word processor's nesting lives in the indentation it kept, not in the bullet's shape
            repaired = repaired.substring(0, indent) + "- " + repaired.substring(bullet.end());
        }
        if (repaired.indexOf('\t') >= 0 && repaired.length() < 10_000) {
            repaired = expandLeadingTabs(repaired);
        }
        // before the heading repair, which would read "#. Item" as a heading ". Item"
        int rstIndent = leadingWhitespace(repaired);
        Matcher rst = repaired.startsWith("#.", rstIndent)
                ? RST_ENUMERATION.matcher(repaired).region(rstIndent, repaired.length()) : null;
        if (rst != null && rst.lookingAt()) {
            repaired = repaired.substring(0, rstIndent) + "1. " + repaired.substring(rst.end());
        }
        int hash = repaired.indexOf('#');
        Matcher atx = hash >= 0 && hash <= 3 ? ATX_NO_SPACE.matcher(repaired) : null;
        if (atx != null && atx.lookingAt()) {
            repaired = atx.group(1) + " " + repaired.substring(atx.end(1));
        }
        int htmlIndent = leadingWhitespace(repaired);
        Matcher html = repaired.startsWith("<", htmlIndent) && repaired.length() < 10_000
                ? HTML_ITEM.matcher(repaired).region(htmlIndent, repaired.length()) : null;
        if (html != null && html.matches()) {
            // markdown keeps an HTML block as it is: its items would be lost to the reader
            repaired = repaired.substring(0, htmlIndent) + "- " + html.group(2);
        }
        return capNesting(repaired);
    }

    // Each pattern is tried only on lines with what it needs at its start ('#' in the first four
    // characters, "#.", a fence's marks, a bullet's sign): most lines are prose and skip the regex.

    private static boolean mayBeFence(String line) {
        return line.contains("```") || line.contains("~~~");
    }

    private static boolean mayStartList(String line) {
        int start = leadingWhitespace(line);
        if (start >= line.length()) {
            return false;
        }
        char c = line.charAt(start);
        return c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9';
    }

    /** Every symbol bullet is outside ASCII, or "\\*", or 'o', '-', '*' before a tab. */
    private static boolean maySymbolBullet(String line, int indent) {
        if (indent >= line.length()) {
            return false;
        }
        char c = line.charAt(indent);
        char next = indent + 1 < line.length() ? line.charAt(indent + 1) : ' ';
        return c > 0x7F || c == '\\' && next == '*' || (c == 'o' || c == '-' || c == '*') && next == '\t';
    }

    /** "1.\tText" and "•\tText": a tab after the marker is a space; tabs before it are indentation. */
    private static String expandLeadingTabs(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            out.append(line.charAt(i) == '\t' ? "    " : " ");
            i++;
        }
        String rest = line.substring(i);
        return out + rest.replaceFirst("^((?:[-*+]|\\d{1,9}[.)]))\\t+", "$1 ");
    }

    /** Caps leading indentation and runs of stacked markers ("- - - - x", "> > > x"). */
    private static String capNesting(String line) {
        int indent = indentOf(line);
        String capped = indent > MAX_INDENT ? line.substring(indent - MAX_INDENT) : line;
        int markers = 0;
        int i = indentOf(capped);
        int keepEnd = i;
        while (i < capped.length()) {
            char c = capped.charAt(i);
            boolean bullet = (c == '-' || c == '*' || c == '+' || c == '>')
                    && (i + 1 >= capped.length() || capped.charAt(i + 1) == ' ' || c == '>');
            if (!bullet) {
                break;
            }
            markers++;
            i++;
            while (i < capped.length() && capped.charAt(i) == ' ') {
                i++;
            }
            if (markers <= MAX_DEPTH) {
                keepEnd = i;
            }
        }
        return markers > MAX_DEPTH ? capped.substring(0, keepEnd) + capped.substring(i) : capped;
    }

    private static boolean isAtxHeading(String line) {
        int hash = leadingWhitespace(line);
        return hash <= 3 && line.startsWith("#", hash) && ATX_HEADING.matcher(line).region(hash, line.length()).lookingAt();
    }

    private static int leadingWhitespace(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int frontMatterEnd(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).trim().equals("---")) {
            return 0;
        }
        for (int i = 1; i < Math.min(lines.size(), 60); i++) {
            String line = lines.get(i).trim();
            if (line.equals("---") || line.equals("...")) {
                return i + 1;
            }
            if (!line.isEmpty() && !FRONT_MATTER_LINE.matcher(line).matches()) {
                return 0;
            }
        }
        return 0;
    }
}
