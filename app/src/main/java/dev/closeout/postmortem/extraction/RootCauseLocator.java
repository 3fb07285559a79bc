package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a postmortem tells its root cause: a "Root Cause" section (or "Root Cause and Resolution",
 * without its resolution part), a "Root Cause:" lead-in line or bullet, else a "Cause" / "Contributing
 * factors" section, else "What happened" / "Background", else the summary. Also returns the context a
 * classifier may lean on when the cause alone is not enough: the title and the summary.
 */
final class RootCauseLocator {

    /**
     * The root-cause text, the title and the summary around it; {@code explicit} when the text is told as
     * the root cause (a "Root Cause" section or lead-in) rather than taken from a nearby section.
     */
    record Found(String cause, boolean explicit, String title, String summary) {
    }

    private static final int MAX_LEAD_IN_LINES = 15;
    private static final int FALLBACK_LINES = 40;
    private static final int MAX_SECTIONS = 4;
    /** How far into a line a "Root Cause:" label may start: markup, a list marker, "The detailed". */
    private static final int LEAD_IN_REACH = 48;

    /** Headings by how surely their section tells the root cause, surest first. */
    private static final List<Pattern> CAUSE_HEADINGS = List.of(
            heading("root[- ]?causes?|rca\\b|underlying cause"),
            heading("^(?:the\\s+|primary\\s+|main\\s+)?causes?\\b|what caused|contributing factors?|why (?:did|it)|^trigger"),
            heading("what happened|background|incident description|^description|^problem|^details|^the issue|^analysis"));
    private static final Pattern SUMMARY_HEADING = heading("summary|overview|^impact|^issue|^incident|^abstract|tl;?dr");
    /** Sub-headings inside a root-cause section that start another topic. */
    private static final Pattern OTHER_TOPIC = heading("resolution|resolve|fix|recover|mitigat|corrective|prevent"
            + "|timeline|action|remediation|lesson|detection|impact|improvement|follow|next steps|task");
    private static final Pattern CAUSE_LEAD_IN = Pattern.compile(
            "^(?:the\\s+)?(?:detailed\\s+|primary\\s+|main\\s+|underlying\\s+|immediate\\s+)?"
                    + "(?:root[- ]?causes?|causes?|rca)(?:\\s*\\(s\\))?\\s*[:：]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_LEAD_IN = Pattern.compile(
            "^(?:resolution|fix|recovery|mitigation|impact|duration|timeline|detection|trigger|corrective|"
                    + "preventative|preventive|action items?|tasks?|improvements?|lessons?)\\b[^:]{0,40}:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMPLATE_PROMPT = Pattern.compile("(?<![\\w*])_[^_\\n]{1,200}\\?_(?!\\w)");

    private static Pattern heading(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private static final int SECTION_NAME_WORDS = 5;

    Found locate(Document document) {
        String title = title(document);
        String summary = firstSection(document, SUMMARY_HEADING);
        BitSet lines = new BitSet();
        addSections(document, CAUSE_HEADINGS.get(0), lines);
        addLeadInLines(document, lines);
        boolean explicit = !lines.isEmpty();
        for (int tier = 1; tier < CAUSE_HEADINGS.size() && lines.isEmpty(); tier++) {
            addSections(document, CAUSE_HEADINGS.get(tier), lines);
        }
        String cause = text(document, lines);
        if (cause.isBlank()) {
            cause = summary.isBlank() ? opening(document) : summary;
        }
        return new Found(cause, explicit, title, summary);
    }

    private static void addSections(Document document, Pattern heading, BitSet lines) {
        document.sectionsMatching(heading).stream()
                .limit(MAX_SECTIONS)
                .forEach(section -> addSectionLines(document, section, lines));
    }

    private static String title(Document document) {
        return document.sections().stream()
                .filter(section -> section.level() >= 1 && section.level() <= 3)
                .findFirst()
                .map(Section::heading)
                .orElse("");
    }

    /** The first section under a short heading that matches: a long one is the title ("Incident review: ..."). */
    private static String firstSection(Document document, Pattern heading) {
        return document.sectionsMatching(heading).stream()
                .filter(section -> Markup.wordCount(section.heading()) <= SECTION_NAME_WORDS)
                .findFirst()
                .map(section -> {
                    BitSet lines = new BitSet();
                    addSectionLines(document, section, lines);
                    return text(document, lines);
                })
                .orElse("");
    }

    /** The body of a section up to a sub-heading or lead-in that starts another topic (its resolution). */
    private static void addSectionLines(Document document, Section section, BitSet lines) {
        List<Integer> subHeadings = new ArrayList<>();
        for (Section other : document.sections()) {
            if (other.headingLine() > section.headingLine() && other.headingLine() < section.bodyEnd()) {
                subHeadings.add(other.headingLine());
                if (OTHER_TOPIC.matcher(other.heading()).find() && !CAUSE_HEADINGS.get(0).matcher(other.heading()).find()) {
                    addRange(document, section.bodyStart(), other.headingLine(), lines);
                    return;
                }
            }
        }
        for (int number = section.bodyStart(); number < section.bodyEnd(); number++) {
            if (isOtherLeadIn(leadText(document.line(number)))) {
                addRange(document, section.bodyStart(), number, lines);
                return;
            }
        }
        addRange(document, section.bodyStart(), section.bodyEnd(), lines);
    }

    /** "Root Cause: ..." lines and bullets, with the lines under a lead-in that stands alone. */
    private static void addLeadInLines(Document document, BitSet lines) {
        int count = document.lines().size();
        for (int number = 1; number <= count; number++) {
            String raw = document.line(number);
            if (raw.length() > 2_000 || !mentionsCause(raw) || raw.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher leadIn = CAUSE_LEAD_IN.matcher(plain(raw));
            if (!leadIn.matches()) {
                continue;
            }
            lines.set(number);
            if (!leadIn.group(1).isBlank()) {
                continue;
            }
            boolean content = false;
            for (int next = number + 1; next <= count && next <= number + MAX_LEAD_IN_LINES; next++) {
                String line = document.line(next);
                String plain = plain(line);
                if (plain.isEmpty()) {
                    if (content) {
                        break;
                    }
                    continue;
                }
                if (line.stripLeading().startsWith("#") || isOtherLeadIn(leadText(line))
                        || CAUSE_LEAD_IN.matcher(plain).matches()) {
                    break;
                }
                lines.set(next);
                content = true;
            }
        }
    }

    /**
     * A cheap test before the lead-in pattern: most lines do not start (after their markup and an
     * adjective or two) with "cause" or "RCA".
     */
    private static boolean mentionsCause(String line) {
        return mentionsCause(line, Math.min(line.length(), LEAD_IN_REACH));
    }

    /** Whether "cause" or "RCA" (any case) starts before {@code end}: every match of CAUSE_LEAD_IN has one. */
    private static boolean mentionsCause(String line, int end) {
        for (int i = 0; i + 3 <= end; i++) {
            // the next letter read only after a 'c' or an 'r'
            char c = (char) (line.charAt(i) | 0x20);
            if (c == 'c' && (line.charAt(i + 1) | 0x20) == 'a' && line.regionMatches(true, i, "cause", 0, 5)
                    || c == 'r' && (line.charAt(i + 1) | 0x20) == 'c' && line.regionMatches(true, i, "rca", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static void addRange(Document document, int from, int to, BitSet lines) {
        for (int number = from; number < to && number <= document.lines().size(); number++) {
            lines.set(number);
        }
    }

    /** The text of the first lines, for a document with no section to go by. */
    private static String opening(Document document) {
        BitSet lines = new BitSet();
        addRange(document, 1, FALLBACK_LINES + 1, lines);
        return text(document, lines);
    }

    private static String text(Document document, BitSet lines) {
        StringBuilder text = new StringBuilder();
        int previous = -1;
        for (int number = lines.nextSetBit(1); number >= 1; number = lines.nextSetBit(number + 1)) {
            String line = document.line(number);
            // a template prompt ("_What went wrong?_") always holds "?_"; most lines have none
            line = line.contains("?_") ? TEMPLATE_PROMPT.matcher(line).replaceAll(" ") : line;
            line = Markup.strip(unquote(line));
            String unlisted = Markup.withoutListMarker(line);
            Matcher leadIn = mentionsCause(unlisted, unlisted.length()) ? CAUSE_LEAD_IN.matcher(unlisted) : null;
            if (leadIn != null && leadIn.matches()) {
                line = leadIn.group(1);
            }
            line = line.startsWith("#") ? Markup.label(line) : line;
            if (Markup.isListItem(line)) {
                // each listed factor is a sentence of its own in the summary
                line = Markup.withoutListMarker(line).strip();
                if (!line.isEmpty() && ".!?:;".indexOf(line.charAt(line.length() - 1)) < 0) {
                    line = line + ".";
                }
            }
            if (previous >= 0 && number != previous + 1) {
                text.append('\n');
            }
            text.append(line).append('\n');
            previous = number;
        }
        return text.toString().strip();
    }

    /** A lead-in of another topic ("Resolution:", "Impact on users:"); it has a colon, most lines do not. */
    private static boolean isOtherLeadIn(String leadText) {
        return leadText.indexOf(':') >= 0 && OTHER_LEAD_IN.matcher(leadText).find();
    }

    /** A line from its first word on: quote marks, list markers and emphasis before it skipped. */
    private static String leadText(String line) {
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || c == '>' || c == '-' || c == '*' || c == '+' || c == '_' || c == '•'
                    || c == '.' || c == ')' || Character.isDigit(c)) {
                i++;
            } else {
                break;
            }
        }
        return line.substring(i);
    }

    /** A line as a reader sees it: no quote mark, list marker or inline markup. */
    private static String plain(String line) {
        String unquoted = unquote(line);
        return Markup.strip(Markup.withoutListMarker(unquoted));
    }

    /** The line without its blockquote marks; a loop, as a regex would recurse once per '>'. */
    private static String unquote(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '>' || Character.isWhitespace(line.charAt(i)))) {
            i++;
        }
        return i > 0 && line.substring(0, i).indexOf('>') >= 0 ? line.substring(i) : line;
    }
}
