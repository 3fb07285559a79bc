package dev.closeout.postmortem.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts an HTML export (Confluence, Google Docs, a wiki page) into markdown-like lines: headings
 * as '#', list items as indented '-' or '1.', table rows as '|' cells with a separator after the header,
 * code blocks fenced, paragraphs and line breaks as lines. jsoup parses leniently and walks the tree without
 * recursion, so broken or deeply nested markup cannot fail the import.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "blockquote", "dl", "dt", "dd", "figure", "figcaption", "hr", "address", "details", "summary");
    // navigation and buttons are the site's, never the postmortem's ("Edit", "Copy", a table of contents)
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "noscript", "template", "svg", "nav",
            "button");
    /** Where a page marks its content: its one article, else its one main part. */
    private static final List<String> CONTENT = List.of("article", "main, [role=main]");
    private static final int MAX_LIST_DEPTH = MarkdownRepair.MAX_DEPTH;
    /** A line holding only the marker of a heading or list item whose text has not come yet. */
    private static final Pattern MARKER_ONLY = Pattern.compile("\\s*(?:#{1,6}|-|1\\.)\\s*");
    /** Spacing inside a line: tabs, runs of spaces, no-break spaces. */
    private static final Pattern SPACING = Pattern.compile("[ \\t\\f\\r\\u00A0]+");
    private static final Set<String> BOLD = Set.of("strong", "b");
    private static final Pattern CODE_SIGNS = Pattern.compile("[{}\\[\\]=$<>|\\\\;#]|->|::");
    private static final Pattern LINE_BREAK = Pattern.compile(" ?\\n[ \\n]*");

    private HtmlText() {
    }

    static String toMarkdownLike(String html) {
        Element content = content(Jsoup.parse(html).body());
        Converter converter = new Converter(content.text().length());
        NodeTraversor.traverse(converter, content);
        converter.breakLine();
        return String.join("\n", converter.lines);
    }

    /**
     * The page without the site around it: a wiki, blog or CMS page holds the postmortem in its one article or
     * main part, and its own header, breadcrumbs, page actions and footer outside, where they would read as the
     * title or as items of the last section. A part holding less than half the page's text is not the content
     * (an article in a sidebar), and the whole page is read.
     */
    private static Element content(Element body) {
        for (String selector : CONTENT) {
            Elements found = body.select(selector);
            if (found.size() == 1 && found.get(0).text().length() * 2 >= body.text().length()) {
                return found.get(0);
            }
        }
        return body;
    }

    private static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
    }

    /** Visits the tree once, writing lines as blocks open and close. */
    private static final class Converter implements NodeVisitor {
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private final List<Boolean> lists = new ArrayList<>(); // true when ordered
        private final int contentLength;
        private List<String> row;
        private StringBuilder cell;
        private boolean headerRow;
        private boolean tableHasHeader;
        private int skipping;
        private boolean inHeading;
        /** The indentation of the text of each list item the walk is in. */
        private final List<Integer> items = new ArrayList<>();
        /** Whether the line being written starts with a list item's marker. */
        private boolean markerLine;
        private int bold;
        private int boldStart = -1; // where the open bold sign of the current line is
        private StringBuilder code;
        private boolean codeIsDocument;

        Converter(int contentLength) {
            this.contentLength = contentLength;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (skipping == 0) {
                    write(text.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                skipping++;
            } else if (code != null) {
                if (tag.equals("br")) {
                    code.append('\n');
                }
            } else if (tag.equals("pre") && cell == null) {
                breakLine();
                code = new StringBuilder();
                // a page that is one preformatted text (an e-mail archive) is the document, not a code sample in it
                codeIsDocument = element.text().length() * 2 >= contentLength;
            } else if (isHeading(tag) && cell == null) {
                startLine("#".repeat(Math.max(1, Math.min(6, tag.charAt(1) - '0'))) + " ");
                inHeading = true;
            } else if (tag.equals("ul") || tag.equals("ol")) {
                openBlock();
                lists.add(tag.equals("ol"));
            } else if (tag.equals("li") && cell == null) {
                String marker = listMarker();
                startLine(marker);
                items.add(marker.length());
                markerLine = true;
            } else if (BOLD.contains(tag) && cell == null && !inHeading && bold++ == 0) {
                openBold();
            } else if (tag.equals("table")) {
                breakLine();
                tableHasHeader = false;
            } else if (tag.equals("tr")) {
                row = new ArrayList<>();
                headerRow = false;
            } else if ((tag.equals("td") || tag.equals("th")) && row != null) {
                cell = new StringBuilder();
                headerRow |= tag.equals("th");
            } else if (tag.equals("br")) {
                if (cell != null || inHeading) {
                    write(" ");
                } else {
                    breakLine();
                }
            } else if (BLOCKS.contains(tag) && cell == null) {
                openBlock();
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                skipping--;
            } else if (code != null) {
                if (tag.equals("pre")) {
                    writeCode();
                }
            } else if (BOLD.contains(tag) && cell == null && !inHeading && bold > 0) {
                if (--bold == 0) {
                    closeBold();
                }
            } else if (tag.equals("ul") || tag.equals("ol")) {
                breakLine();
                if (!lists.isEmpty()) {
                    lists.remove(lists.size() - 1);
                }
            } else if ((tag.equals("td") || tag.equals("th")) && row != null && cell != null) {
                row.add(SPACING.matcher(cell.toString().replace('\n', ' ')).replaceAll(" ").replace('|', '/').trim());
                cell = null;
            } else if (tag.equals("tr") && row != null) {
                writeRow();
            } else if (tag.equals("table")) {
                breakLine();
                lines.add("");
            } else if (cell == null && (BLOCKS.contains(tag) || tag.equals("li") || isHeading(tag))) {
                breakLine();
                inHeading &= !isHeading(tag);
                if (tag.equals("li") && !items.isEmpty()) {
                    items.remove(items.size() - 1);
                }
            }
        }

        /**
         * An item's marker, indented by the width of its parents' markers, as markdown nests an item under an
         * ordered one ("1. ") by three spaces and under a bullet by two.
         */
        private String listMarker() {
            int level = Math.min(lists.size(), MAX_LIST_DEPTH);
            StringBuilder marker = new StringBuilder();
            for (int parent = 0; parent < level - 1; parent++) {
                marker.append(lists.get(parent) ? "   " : "  ");
            }
            boolean ordered = !lists.isEmpty() && lists.get(lists.size() - 1);
            return marker.append(ordered ? "1. " : "- ").toString();
        }

        /**
         * Bold text keeps markdown's signs: a bold line is a lead-in ("**Action items**"), as in a markdown
         * postmortem. The signs go around the bold words, not the spaces beside them, so that they read as
         * emphasis; bold that runs over a line break is closed at the end of the line.
         */
        private void openBold() {
            boldStart = line.length();
            line.append("**");
        }

        private void closeBold() {
            if (boldStart < 0) {
                return;
            }
            if (line.length() == boldStart + 2) {
                line.setLength(boldStart); // nothing bold was written
            } else {
                int end = line.length();
                while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                    end--;
                }
                line.insert(end, "**");
            }
            boldStart = -1;
        }

        private void writeRow() {
            List<String> cells = row;
            row = null;
            if (cells.isEmpty()) {
                return;
            }
            breakLine();
            if (!tableHasHeader && lines.size() > 0 && !lines.get(lines.size() - 1).startsWith("|")) {
                lines.add("");
            }
            lines.add("| " + String.join(" | ", cells) + " |");
            if (!tableHasHeader) {
                // the first row heads the table whether or not it used <th>
                lines.add("|" + " --- |".repeat(cells.size()));
                tableHasHeader = true;
            }
        }

        /**
         * A code sample becomes a fenced block, which is read as code, not as prose or items. Preformatted
         * sentences are text that was indented (markdown indented by accident renders so) and become lines, as a
         * page that is one preformatted text (an e-mail archive) does.
         */
        private void writeCode() {
            List<String> codeLines = code.toString().replace("```", "'''").lines().map(String::stripTrailing).toList();
            code = null;
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
                lines.add("");
            }
            if (codeIsDocument) {
                lines.addAll(codeLines);
            } else if (readsAsProse(codeLines)) {
                codeLines.forEach(codeLine -> lines.add(codeLine.strip()));
            } else {
                lines.add("```");
                lines.addAll(codeLines);
                lines.add("```");
            }
            lines.add("");
        }

        /**
         * Two sentences or more, and two thirds of the lines that tell: a capital, four words or more, mostly
         * letters and digits. A line with code's or a log's signs ('=', '{', '$', '|', '[', '->', '::', ...) tells
         * code; short lines tell nothing.
         */
        private static boolean readsAsProse(List<String> codeLines) {
            int sentences = 0;
            int code = 0;
            for (String codeLine : codeLines) {
                String text = Markup.withoutListMarker(codeLine.strip());
                if (CODE_SIGNS.matcher(text).find()) {
                    code++;
                } else if (isSentence(text)) {
                    sentences++;
                }
            }
            return sentences >= 2 && sentences >= 2 * code;
        }

        private static boolean isSentence(String text) {
            if (text.isEmpty() || !Character.isUpperCase(text.charAt(0)) || Markup.wordCount(text) < 4) {
                return false;
            }
            int alphanumerics = 0;
            int signs = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    alphanumerics++;
                } else if (!Character.isWhitespace(c)) {
                    signs++;
                }
            }
            return alphanumerics >= 6 * signs;
        }

        private void write(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (code != null) {
                code.append(text);
            } else if (cell != null) {
                cell.append(text);
            } else {
                // a line break in a paragraph's source stays one: the markdown the page was rendered from had it,
                // and lead-ins and field lines ("Owner: Sam") are read per line; the markdown reader joins the
                // lines of a paragraph again
                String spaced = SPACING.matcher(text).replaceAll(" ");
                String lines = LINE_BREAK.matcher(spaced).replaceAll("\n");
                if (boldStart >= 0 && line.length() == boldStart + 2) {
                    String words = lines.stripLeading();
                    if (words.isEmpty()) {
                        return;
                    }
                    if (words.length() < lines.length() && boldStart > 0
                            && !Character.isWhitespace(line.charAt(boldStart - 1))) {
                        line.insert(boldStart++, ' '); // "word<b> bold</b>" is "word **bold**"
                    }
                    lines = words;
                }
                line.append(inHeading ? lines.replace('\n', ' ') : lines);
            }
        }

        /** Starts a heading's or a list item's line; a marker whose text never came is dropped. */
        private void startLine(String marker) {
            if (MARKER_ONLY.matcher(line).matches()) {
                line.setLength(0);
            } else {
                breakLine();
            }
            line.append(marker);
        }

        /** A block opening right after a list item's marker (a loose list's paragraph) continues its line. */
        private void openBlock() {
            if (!MARKER_ONLY.matcher(line).matches()) {
                breakLine();
            }
        }

        void breakLine() {
            closeBold();
            String text = joinedLines(line.toString());
            line.setLength(0);
            if (!markerLine && !items.isEmpty() && !text.isBlank()) {
                // a list item's second paragraph is indented under its first, as markdown keeps it in the item
                text = text.indent(items.get(items.size() - 1)).stripTrailing();
            }
            markerLine = false;
            String content = text.strip();
            if (!content.isEmpty() && !MARKER_ONLY.matcher(content).matches()) {
                if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty() && !text.startsWith("-")
                        && !text.startsWith("1.") && !text.startsWith(" ")) {
                    lines.add("");
                }
                lines.add(text);
            }
        }

        /**
         * A block's text as lines: the first keeps the list indentation the converter wrote, the others lose the
         * HTML source's indentation, which markdown would read as code; a marker stays with the first text.
         */
        private static String joinedLines(String block) {
            int firstBreak = block.indexOf('\n');
            if (firstBreak < 0) {
                return block.stripTrailing();
            }
            StringBuilder joined = new StringBuilder();
            for (String piece : block.split("\n")) {
                String text = joined.length() == 0 ? piece.stripTrailing() : piece.strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (joined.length() > 0) {
                    joined.append(MARKER_ONLY.matcher(joined).matches() ? ' ' : '\n');
                }
                joined.append(text);
            }
            return joined.toString();
        }
    }
}
