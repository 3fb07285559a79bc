package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a postmortem's text into a {@link Document}: detects markdown, plain text or HTML, converts HTML
 * to markdown-like lines, and finds the sections: markdown headings (with or without the space after
 * '#'), setext headings, and lead-in lines ("Root Cause:", "**Tasks:**") standing on their own.
 */
public final class DocumentReader {

    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s*(\\S.*?)\\s*#*\\s*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");
    private static final Pattern BOLD_LEAD_IN = Pattern.compile("^\\s*(\\*\\*|__)([^*_]{1,80}?):?\\1:?\\s*$");
    private static final Pattern PLAIN_LEAD_IN = Pattern.compile("^\\s*([A-Z][^.!?:]{0,60}):\\s*$");
    private static final Pattern HTML_START = Pattern.compile(
            "^\\s*(<!DOCTYPE html|<html|<body|<div|<p[ >]|<h[1-6][ >]|<table|<ul|<ol)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_DOCUMENT = Pattern.compile("<html[\\s>]|<body[\\s>]", Pattern.CASE_INSENSITIVE);

    /** How far into the text HTML is looked for. */
    private static final int HTML_HEAD = 2000;
    /** Longer lines are prose; heading patterns stay linear on them by never running. */
    private static final int MAX_HEADING_LINE = 1000;

    public Document read(String text) {
        String normalized = TextDecoding.normalize(text);
        MediaType type = detect(normalized);
        String markdownLike = type == MediaType.HTML ? HtmlText.toMarkdownLike(normalized) : normalized;
        List<String> lines = List.of(markdownLike.split("\n", -1));
        // headings without markup count in plain text, and in markdown that has no headings of its own
        boolean plainHeadings = type == MediaType.TEXT || type == MediaType.MARKDOWN && !hasMarkdownHeading(lines);
        return new Document(type, lines, sections(lines, plainHeadings));
    }

    static MediaType detect(String text) {
        // both HTML patterns need a '<' in the first 2,000 characters; markdown rarely has one there
        int firstTag = text.indexOf('<');
        if (firstTag >= 0 && firstTag < HTML_HEAD) {
            String head = text.length() > HTML_HEAD ? text.substring(0, HTML_HEAD) : text;
            if (HTML_START.matcher(head).find() || HTML_DOCUMENT.matcher(head).find()) {
                return MediaType.HTML;
            }
        }
        return hasMarkdownSign(text) ? MediaType.MARKDOWN : MediaType.TEXT;
    }

    /**
     * Whether the text shows a markdown sign: a heading mark, a list bullet or a table row opening a line, or
     * "**" anywhere. Read by hand as the pattern
     * {@code (?m)^[ \t]{0,3}#{1,6}[ \t]|^[ \t]*[-*+][ \t]|\*\*|^\|[^\n]*\|} reads it; the pattern tried its
     * four alternatives at every position of a text that has none (plain text, read to its end), where "**"
     * is one {@code indexOf} and the line forms are tried at line starts only, where {@code (?m)^} matches.
     */
    static boolean hasMarkdownSign(String text) {
        if (text.contains("**")) {
            return true;
        }
        int length = text.length();
        for (int start = 0; start < length; start = nextLineStart(text, start)) {
            if (markdownSignAt(text, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a heading mark, a list bullet or a table row opens the line starting at {@code start}. */
    private static boolean markdownSignAt(String text, int start) {
        int length = text.length();
        int i = start;
        while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == length) {
            return false;
        }
        char first = text.charAt(i);
        if (first == '#' && i - start <= 3) {
            int hashes = i;
            while (hashes < length && text.charAt(hashes) == '#') {
                hashes++;
            }
            if (hashes - i <= 6 && hashes < length && (text.charAt(hashes) == ' ' || text.charAt(hashes) == '\t')) {
                return true;
            }
        }
        if ((first == '-' || first == '*' || first == '+') && i + 1 < length
                && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
            return true;
        }
        if (text.charAt(start) == '|') {
            int lineEnd = text.indexOf('\n', start + 1);
            int bar = text.indexOf('|', start + 1);
            return bar >= 0 && (lineEnd < 0 || bar < lineEnd);
        }
        return false;
    }

    /**
     * Where the line after the one holding {@code from} starts, as {@code (?m)^} sees lines (ended by \n, \r\n,
     * \r, \u0085, \u2028 or \u2029), or the text's length.
     */
    private static int nextLineStart(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i + 1;
            }
        }
        return text.length();
    }

    private static List<Section> sections(List<String> lines, boolean plainText) {
        List<int[]> headings = new ArrayList<>(); // {line, level}
        List<String> labels = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence || line.length() > MAX_HEADING_LINE) {
                continue;
            }
            String stripped = line.strip();
            // each heading form needs its sign where it starts or ends: most lines show none
            Matcher atx = stripped.startsWith("#") ? ATX_HEADING.matcher(line) : null;
            if (atx != null && atx.matches() && !atx.group(2).startsWith("#")) {
                headings.add(new int[] {i + 1, atx.group(1).length()});
                labels.add(Markup.label(atx.group(2)));
            } else if (i + 1 < lines.size() && isSetextHeading(line, lines.get(i + 1))) {
                headings.add(new int[] {i + 1, lines.get(i + 1).trim().startsWith("=") ? 1 : 2});
                labels.add(Markup.label(line));
                i++;
            } else if ((stripped.startsWith("**") || stripped.startsWith("__")) && BOLD_LEAD_IN.matcher(stripped).matches()
                    || stripped.endsWith(":") && PLAIN_LEAD_IN.matcher(stripped).matches()
                    || plainText && isPlainTextHeading(lines, i)) {
                headings.add(new int[] {i + 1, Section.LEAD_IN});
                labels.add(Markup.label(line));
            }
        }
        List<Section> sections = new ArrayList<>();
        int firstHeadingLine = headings.isEmpty() ? lines.size() + 1 : headings.get(0)[0];
        if (firstHeadingLine > 1) {
            sections.add(new Section("", 0, 0, 1, firstHeadingLine));
        }
        for (int h = 0; h < headings.size(); h++) {
            int line = headings.get(h)[0];
            int level = headings.get(h)[1];
            int bodyStart = level <= 2 && h < headings.size() && isSetextHeadingAt(lines, line) ? line + 2 : line + 1;
            int end = lines.size() + 1;
            for (int next = h + 1; next < headings.size(); next++) {
                if (headings.get(next)[1] <= level) {
                    end = headings.get(next)[0];
                    break;
                }
            }
            sections.add(new Section(labels.get(h), level, line, Math.min(bodyStart, end), end));
        }
        return sections;
    }

    private static boolean isSetextHeadingAt(List<String> lines, int lineNumber) {
        return lineNumber < lines.size() && isSetextHeading(lines.get(lineNumber - 1), lines.get(lineNumber));
    }

    private static boolean isSetextHeading(String line, String next) {
        String underline = next.trim();
        return underline.length() >= 3 && (underline.charAt(0) == '=' || underline.charAt(0) == '-')
                && !line.isBlank() && !Markup.isListItem(line) && !line.trim().startsWith("|")
                && SETEXT_UNDERLINE.matcher(next).matches();
    }

    /**
     * In plain text (an e-mail, a wiki export) a heading is a short capitalised line standing alone
     * after a blank line, with text right under it and no sentence punctuation: "What happened".
     */
    private static boolean isPlainTextHeading(List<String> lines, int index) {
        String line = lines.get(index).strip();
        if (line.isEmpty() || line.length() > 60 || !Character.isUpperCase(line.charAt(0))
                || Markup.wordCount(line) > 6 || Markup.isListItem(line)) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == ',' || last == ';' || last == '!' || last == '?' || line.indexOf(':') >= 0) {
            return false;
        }
        boolean blankBefore = index == 0 || lines.get(index - 1).isBlank();
        boolean textAfter = index + 1 < lines.size() && !lines.get(index + 1).isBlank();
        return blankBefore && textAfter;
    }

    private static boolean hasMarkdownHeading(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() <= MAX_HEADING_LINE && (ATX_HEADING.matcher(line).matches()
                    || i + 1 < lines.size() && isSetextHeading(line, lines.get(i + 1)))) {
                return true;
            }
        }
        return false;
    }
}
