package dev.closeout.postmortem.extraction;

import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLines;

/**
 * commonmark's own inline parser, called only where {@link ActionExtractor} needs it: a third of the
 * parse's time went to inline content the walk never reads, or reads back only as plain text.
 *
 * <p>Paragraphs directly under the document are read from their source lines (the walk strips their
 * markup itself), never from inline nodes: they get none. Headings, table cells, and paragraphs in list
 * items and block quotes are read as plain text: when {@link PlainInline} can tell that text exactly, it
 * becomes their one text node; otherwise they get the full parse.
 */
final class ProseInlineParserFactory implements InlineParserFactory {

    @Override
    public InlineParser create(InlineParserContext context) {
        InlineParser full = new InlineParserImpl(context);
        return (SourceLines lines, Node block) -> {
            if (block instanceof Paragraph && block.getParent() instanceof Document) {
                return;
            }
            String plain = PlainInline.read(lines);
            if (plain == null) {
                full.parse(lines, block);
            } else if (!plain.isEmpty()) {
                block.appendChild(new Text(plain));
            }
        };
    }
}
