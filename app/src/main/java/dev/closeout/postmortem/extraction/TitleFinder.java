package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The postmortem's own title: a front-matter {@code title:}, else the first heading, else a short
 * first line standing alone (plain-text reports). A generic first line ("Postmortem") followed by a
 * line that repeats and extends it ("Postmortem: Website Outage on August 1, 2024") yields the longer
 * one. Standard section names (Summary, Issue Summary, Timeline) are not titles.
 */
final class TitleFinder {

    private static final int TITLE_LIMIT = 200;
    private static final Pattern FRONT_MATTER_TITLE = Pattern.compile("^title:\\s{0,5}[\"']?(.{1,200}?)[\"']?\\s*$");
    private static final Pattern SECTION_NAME = Pattern.compile(
            "(?i)(?:issue\\s|incident\\s|executive\\s)?summary|timeline|impact|root causes?.*|background.*"
                    + "|what happened\\??|overview|description|detection|resolution|status.*|date|authors?");
    /** An e-mail or form header naming the document: "Subject: Post-incident review - VPN outage". */
    private static final Pattern TITLE_FIELD = Pattern.compile("(?i)^(?:subject|title)\\s{0,3}:\\s{0,3}(?:(?:re|fwd?)\\s?:\\s{0,3})*(\\S.{0,199})$");
    /** A first line that names its genre and then the incident: "Postmortem: Payment gateway timeouts". */
    private static final Pattern NAMED_REPORT = Pattern.compile(
            "(?i)(?:post[- ]?mortem(?: report| review)?|incident(?: report| review)?|outage(?: report)?|pir|rca)"
                    + "\\s{0,3}[:\\-–]\\s{0,3}\\S.*");
    /** A heading that only names the genre or the assignment: "Postmortem", "0x19. Postmortem". */
    private static final Pattern GENERIC_TITLE = Pattern.compile(
            "(?i)(?:project\\s{0,3})?(?:0x[0-9a-f]{1,4}[.\\-\\s]{0,3})?post[- ]?mortem(?: report)?");
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z][\\w /]{0,30}:\\s\\S.*");
    // Compiled once: String.replaceFirst and replaceAll would compile them for every line looked at.
    private static final Pattern QUOTE_MARKER = Pattern.compile("^\\s{0,3}>\\s?");
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[[^\\]]{0,200}]\\([^)]{0,500}\\)");

    @Nullable String find(Document document) {
        var lines = document.lines();
        if (!lines.isEmpty() && lines.get(0).trim().equals("---")) {
            for (int i = 1; i < lines.size() && i < 50; i++) {
                String line = lines.get(i).trim();
                if (line.equals("---")) {
                    break;
                }
                Matcher title = FRONT_MATTER_TITLE.matcher(line);
                if (title.matches()) {
                    return Markup.strip(title.group(1));
                }
            }
        }
        int firstContent = firstContentLine(document);
        for (Section section : document.sections()) {
            if (section.level() < 1 || section.headingLine() < firstContent) {
                continue;
            }
            if (section.headingLine() > firstContent) {
                break; // the first text is not a heading: look at it below
            }
            String heading = clean(section.heading());
            if (section.level() <= 6 && !heading.isEmpty()) {
                // "### Outage :" opens a field, not the document
                if (SECTION_NAME.matcher(heading).matches() || document.line(section.headingLine()).trim().endsWith(":")) {
                    return null;
                }
                return GENERIC_TITLE.matcher(heading).matches() ? specificTitleBelow(document, section, heading)
                        : heading;
            }
        }
        if (firstContent > lines.size()) {
            return null;
        }
        String first = plain(lines.get(firstContent - 1));
        Matcher titleField = TITLE_FIELD.matcher(first);
        if (titleField.matches()) {
            return titleField.group(1).trim();
        }
        if (NAMED_REPORT.matcher(first).matches() && first.length() <= TITLE_LIMIT) {
            return first;
        }
        String raw = lines.get(firstContent - 1).trim();
        // a line set in emphasis as a whole is a title, even with a colon: "**When X Had Too Much: A Comedy**"
        boolean emphasized = raw.length() > 2 && (raw.charAt(0) == '*' || raw.charAt(0) == '_')
                && (raw.endsWith("*") || raw.endsWith("_"));
        if (first.isEmpty() || first.length() > TITLE_LIMIT || !emphasized && FIELD.matcher(first).matches()
                || first.endsWith(".") || SECTION_NAME.matcher(first.replaceAll(":$", "")).matches()) {
            return null;
        }
        if (firstContent < lines.size()) {
            String next = plain(lines.get(firstContent));
            if (next.length() > first.length() && next.length() <= TITLE_LIMIT && next.startsWith(first)
                    && !next.endsWith(".")) {
                return next;
            }
        }
        return first;
    }

    private static int firstContentLine(Document document) {
        var lines = document.lines();
        boolean frontMatter = !lines.isEmpty() && lines.get(0).trim().equals("---");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (frontMatter) {
                if (i > 0 && line.equals("---")) {
                    frontMatter = false;
                }
                continue;
            }
            // a reStructuredText comment or target (".. _incident_reports:") is no content
            if (!plain(line).isEmpty() && !line.startsWith(".. ")) {
                return i + 1;
            }
        }
        return lines.size() + 1;
    }

    private static String plain(String line) {
        String capped = line.length() > 1_000 ? line.substring(0, 1_000) : line;
        String label = Markup.label(QUOTE_MARKER.matcher(capped).replaceFirst(""));
        return clean(IMAGE_OR_LINK.matcher(label).replaceAll(""));
    }

    /**
     * The title as a reader sees it: no emphasis signs left around it ("** *Title* **"), no quotes around
     * it, no-break spaces as spaces.
     */
    private static String clean(String title) {
        String text = title.replace('\u00A0', ' ').trim();
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '*' || text.charAt(start) == '_' || text.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '*' || text.charAt(end - 1) == '_' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        text = text.substring(start, end);
        if (text.length() > 2 && (text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"'
                || text.charAt(0) == '“' && text.charAt(text.length() - 1) == '”')) {
            text = text.substring(1, text.length() - 1).trim();
        }
        return text.replaceAll(" {2,}", " ");
    }

    /**
     * A generic heading directly followed by a heading that names the incident ("# 0x19. Postmortem",
     * then "## Web Stack Outage Incident Report"): the second is the title.
     */
    private static String specificTitleBelow(Document document, Section generic, String fallback) {
        for (Section next : document.sections()) {
            if (next.headingLine() <= generic.headingLine()) {
                continue;
            }
            boolean nothingBetween = true;
            for (int line = generic.headingLine() + 1; line < next.headingLine(); line++) {
                nothingBetween &= document.line(line).isBlank();
            }
            boolean titleLike = next.level() > generic.level() && next.level() <= 6 && !next.heading().isEmpty()
                    && !SECTION_NAME.matcher(next.heading()).matches();
            return nothingBetween && titleLike ? next.heading() : fallback;
        }
        return fallback;
    }
}
