package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeout.integrations.tracker.BackLink;
import dev.closeout.integrations.tracker.Description;

/**
 * A {@link Description} as an Atlassian Document (Jira Cloud's description format): one paragraph per
 * paragraph, line breaks as {@code hardBreak} nodes, the link as a text node with a {@code link} mark.
 * Jira rejects empty text nodes, so blank paragraphs and blank lines leave none.
 */
final class AdfDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdfDocument() {
    }

    static ObjectNode of(Description description) {
        ObjectNode doc = NODES.objectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String paragraph : description.paragraphs()) {
            if (!paragraph.isBlank()) {
                content.add(paragraph(paragraph));
            }
        }
        BackLink.Target link = description.link();
        if (link != null) {
            String title = link.title() == null || link.title().isBlank() ? link.url() : link.title();
            ObjectNode text = text(title);
            text.putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", link.url());
            ObjectNode paragraph = NODES.objectNode().put("type", "paragraph");
            paragraph.putArray("content").add(text);
            content.add(paragraph);
        }
        return doc;
    }

    private static ObjectNode paragraph(String paragraph) {
        ObjectNode node = NODES.objectNode().put("type", "paragraph");
        ArrayNode inline = node.putArray("content");
        for (String line : paragraph.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (!inline.isEmpty()) {
                inline.addObject().put("type", "hardBreak");
            }
            inline.add(text(line));
        }
        return node;
    }

    private static ObjectNode text(String text) {
        return NODES.objectNode().put("type", "text").put("text", text);
    }
}
