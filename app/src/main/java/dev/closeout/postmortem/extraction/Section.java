package dev.closeout.postmortem.extraction;

/**
 * A heading and the lines under it, up to the next heading of the same or a higher level.
 * {@code level} is 1-6 for markdown headings and {@link #LEAD_IN} for a lead-in line such as
 * "Root Cause:" or "**Tasks:**" on its own; the part before the first heading has level 0 and an empty
 * heading. Line numbers are 1-based; {@code bodyEnd} is exclusive.
 */
public record Section(String heading, int level, int headingLine, int bodyStart, int bodyEnd) {

    public static final int LEAD_IN = 7;

    /** The section's own lines (sub-sections included), in order. */
    public java.util.List<String> bodyLines(Document document) {
        return document.lines().subList(bodyStart - 1, Math.max(bodyStart - 1, bodyEnd - 1));
    }

    /** The section's body as one string with line breaks. */
    public String body(Document document) {
        return String.join("\n", bodyLines(document));
    }
}
