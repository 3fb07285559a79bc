package dev.closeout.notify;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Markdown as Slack's mrkdwn, which is not Markdown: {@code *bold*}, {@code _italic_}, {@code <url|label>},
 * no headings and no tables. Headings become bold lines, a table a preformatted block, lists bullets.
 */
final class SlackMarkdown extends AbstractVisitor {

    private final StringBuilder out = new StringBuilder();
    private int ordinal;

    private SlackMarkdown() {
    }

    static String render(Node document) {
        SlackMarkdown visitor = new SlackMarkdown();
        document.accept(visitor);
        return visitor.out.toString().strip();
    }

    @Override
    public void visit(Heading heading) {
        out.append('*');
        visitChildren(heading);
        out.append("*\n");
    }

    @Override
    public void visit(Paragraph paragraph) {
        visitChildren(paragraph);
        out.append('\n');
        if (!(paragraph.getParent() instanceof ListItem)) {
            out.append('\n');
        }
    }

    @Override
    public void visit(BulletList list) {
        visitChildren(list);
        out.append('\n');
    }

    @Override
    public void visit(OrderedList list) {
        ordinal = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
        visitChildren(list);
        out.append('\n');
    }

    @Override
    public void visit(ListItem item) {
        out.append(item.getParent() instanceof OrderedList ? ordinal++ + ". " : "• ");
        visitChildren(item);
    }

    @Override
    public void visit(StrongEmphasis strong) {
        out.append('*');
        visitChildren(strong);
        out.append('*');
    }

    @Override
    public void visit(Emphasis emphasis) {
        out.append('_');
        visitChildren(emphasis);
        out.append('_');
    }

    @Override
    public void visit(Link link) {
        out.append('<').append(link.getDestination()).append('|');
        visitChildren(link);
        out.append('>');
    }

    @Override
    public void visit(Code code) {
        out.append('`').append(FollowUpMessages.slack(code.getLiteral())).append('`');
    }

    @Override
    public void visit(Text text) {
        out.append(FollowUpMessages.slack(text.getLiteral()));
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
        out.append(' ');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        out.append('\n');
    }

    @Override
    public void visit(CustomBlock block) {
        if (block instanceof TableBlock table) {
            out.append("```\n");
            table(table);
            out.append("```\n\n");
        } else {
            visitChildren(block);
        }
    }

    /** Rows as lines, cells joined by bars: the columns are few and short, a code block keeps them aligned enough. */
    private void table(TableBlock table) {
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    StringBuilder line = new StringBuilder();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            line.append(line.isEmpty() ? "" : " | ").append(literal(cell).strip());
                        }
                    }
                    out.append(FollowUpMessages.slack(line.toString())).append('\n');
                }
            }
        }
    }

    /** The text of a node and everything in it, markup dropped. */
    private static String literal(Node node) {
        if (node instanceof Text text) {
            return text.getLiteral();
        }
        if (node instanceof Code code) {
            return code.getLiteral();
        }
        StringBuilder out = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            out.append(literal(child));
        }
        return out.toString();
    }
}
