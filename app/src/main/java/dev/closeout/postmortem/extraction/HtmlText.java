package dev.closeout.postmortem.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Converts an HTML export (Confluence, Google Docs, a wiki page) into markdown-like lines: headings
 * as '#', list items as indented '-' or '1.', table rows as '|' cells with a separator after the header,
 * paragraphs and line breaks as lines. jsoup parses leniently and walks the tree without recursion, so
 * broken or deeply nested markup cannot fail the import.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption", "hr", "address", "details", "summary");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "noscript", "template", "svg");
    private static final int MAX_LIST_DEPTH = MarkdownRepair.MAX_DEPTH;

    private HtmlText() {
    }

    static String toMarkdownLike(String html) {
        Converter converter = new Converter();
        NodeTraversor.traverse(converter, Jsoup.parse(html).body());
        converter.breakLine();
        return String.join("\n", converter.lines);
    }

    /** Visits the tree once, writing lines as blocks open and close. */
    private static final class Converter implements NodeVisitor {
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private final List<Boolean> lists = new ArrayList<>(); // true when ordered
        private List<String> row;
        private StringBuilder cell;
        private boolean headerRow;
        private boolean tableHasHeader;
        private int skipping;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (skipping == 0) {
                    write(text.text());
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                skipping++;
            } else if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))
                    && cell == null) {
                breakLine();
                line.append("#".repeat(Math.max(1, Math.min(6, tag.charAt(1) - '0')))).append(' ');
            } else if (tag.equals("ul") || tag.equals("ol")) {
                breakLine();
                lists.add(tag.equals("ol"));
            } else if (tag.equals("li") && cell == null) {
                breakLine();
                int level = Math.min(lists.size(), MAX_LIST_DEPTH);
                boolean ordered = !lists.isEmpty() && lists.get(lists.size() - 1);
                line.append("  ".repeat(Math.max(0, level - 1))).append(ordered ? "1. " : "- ");
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
                if (cell != null) {
                    cell.append(' ');
                } else {
                    breakLine();
                }
            } else if (BLOCKS.contains(tag) && cell == null) {
                breakLine();
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
            } else if (tag.equals("ul") || tag.equals("ol")) {
                breakLine();
                if (!lists.isEmpty()) {
                    lists.remove(lists.size() - 1);
                }
            } else if ((tag.equals("td") || tag.equals("th")) && row != null && cell != null) {
                row.add(cell.toString().replace('|', '/').trim());
                cell = null;
            } else if (tag.equals("tr") && row != null) {
                writeRow();
            } else if (tag.equals("table")) {
                breakLine();
                lines.add("");
            } else if (cell == null && (BLOCKS.contains(tag) || tag.equals("li")
                    || tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1)))) {
                breakLine();
            }
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

        private void write(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (cell != null) {
                cell.append(text);
            } else {
                line.append(text);
            }
        }

        void breakLine() {
            String text = line.toString().stripTrailing();
            line.setLength(0);
            String content = text.strip();
            if (!content.isEmpty() && !content.matches("^(#{1,6}|-|1\\.)$")) {
                if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty() && !text.startsWith("-")
                        && !text.startsWith("1.") && !text.startsWith(" ")) {
                    lines.add("");
                }
                lines.add(text);
            }
        }
    }
}
