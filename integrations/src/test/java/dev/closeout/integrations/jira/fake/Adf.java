package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of the Atlassian Document Format Jira enforces on v3 writes, and the conversions between ADF and the
 * wiki markup that v2 (Data Center, webhooks) speaks.
 */
final class Adf {
    static final String INVALID = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";

    private Adf() {}

    /** Root {@code doc}, {@code version: 1}, a content array; text nodes non-empty; link marks carry an href. */
    static boolean isValidDocument(JsonNode doc) {
        return doc != null && doc.isObject()
                && "doc".equals(doc.path("type").asText(null))
                && doc.path("version").isInt() && doc.path("version").asInt() == 1
                && doc.path("content").isArray()
                && validChildren(doc);
    }

    private static boolean validChildren(JsonNode node) {
        JsonNode content = node.get("content");
        if (content == null) {
            return true;
        }
        if (!content.isArray()) {
            return false;
        }
        for (JsonNode child : content) {
            if (!validNode(child)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validNode(JsonNode node) {
        if (!node.isObject() || !node.path("type").isTextual()) {
            return false;
        }
        if ("text".equals(node.get("type").asText())) {
            return node.path("text").isTextual() && !node.get("text").asText().isEmpty() && validMarks(node.get("marks"));
        }
        return validChildren(node);
    }

    private static boolean validMarks(JsonNode marks) {
        if (marks == null) {
            return true;
        }
        if (!marks.isArray()) {
            return false;
        }
        for (JsonNode mark : marks) {
            if (!mark.path("type").isTextual()) {
                return false;
            }
            if ("link".equals(mark.get("type").asText())
                    && (!mark.path("attrs").path("href").isTextual() || mark.path("attrs").path("href").asText().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /** Renders a stored description for v2: ADF becomes wiki markup (links as [text|href]), strings pass through. */
    static String toWiki(JsonNode description) {
        if (description == null || description.isNull()) {
            return null;
        }
        if (description.isTextual()) {
            return description.asText();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode block : description.path("content")) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            appendInline(block, out);
        }
        return out.toString();
    }

    private static void appendInline(JsonNode node, StringBuilder out) {
        switch (node.path("type").asText()) {
            case "text" -> {
                String href = null;
                for (JsonNode mark : node.path("marks")) {
                    if ("link".equals(mark.path("type").asText())) {
                        href = mark.path("attrs").path("href").asText();
                    }
                }
                String text = node.path("text").asText();
                out.append(href == null ? text : "[" + text + "|" + href + "]");
            }
            case "hardBreak" -> out.append('\n');
            default -> node.path("content").forEach(child -> appendInline(child, out));
        }
    }

    /** Renders a stored description for v3: a wiki string becomes one paragraph of plain text, as Jira's converter roughly does. */
    static JsonNode toAdf(JsonNode description) {
        if (description == null || description.isNull() || description.isObject()) {
            return description;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode().put("type", "doc").put("version", 1);
        ObjectNode paragraph = doc.putArray("content").addObject().put("type", "paragraph");
        if (!description.asText().isEmpty()) {
            paragraph.putArray("content").addObject().put("type", "text").put("text", description.asText());
        }
        return doc;
    }
}
