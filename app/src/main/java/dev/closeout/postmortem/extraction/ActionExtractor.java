package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.extraction.ActionLanguage.Role;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the corrective and preventative actions a postmortem commits to.
 *
 * <p>The document is mended ({@link MarkdownRepair}) and parsed as markdown; a walk over its blocks keeps
 * a stack of the headings and lead-ins it is under, each with the {@link Role} its words give it. Under
 * an action heading ("Action Items", "Corrective and Preventative Measures", "Tasks:") every list item,
 * table row, and prose sentence that commits to work is an action; under lessons ("Takeaways",
 * "Learnings") only outright commitments are; timeline, resolution, impact and conclusions yield nothing.
 * An item with sub-items is a label for them and becomes their group.
 */
public final class ActionExtractor {

    private static final int LEAD_IN_LEVEL = 8;
    /** Same level as a plain lead-in; a distinct value only so the next line can tell it followed bold. */
    private static final int BOLD_LEAD_IN_LEVEL = -LEAD_IN_LEVEL;
    private static final int TEXT_HEADING_LEVEL = 7;
    /** A lead-in under an empty lead-in: "Corrective and preventative measures:" then "Monitoring:". */
    private static final int SUB_LEAD_IN_LEVEL = 9;
    private static final int SENTENCE_LEAD_IN_LEVEL = 10;
    private static final int MAX_BLOCK_DEPTH = 2 * MarkdownRepair.MAX_DEPTH + 4;
    private static final int LABEL_MAX_WORDS = 12;
    private static final Pattern CHECKBOX = Pattern.compile("^\\s*\\[[ xX✓✔]?]\\s*");
    private static final Pattern LIST_JOINER = Pattern.compile("(?:\\s*[,;]\\s*(?:and|or)?|\\s+(?:and|or))$");
    private static final Pattern FIELD_ITEM = Pattern.compile(
            "(?i)(owners?|assignee|dri|team|due(?: date)?|deadline|eta|target date|priority|severity|status"
                    + "|ticket|jira|bug|issue|tracking(?: bug)?)\\s{0,3}:\\s{0,3}(\\S.{0,200})");
    private static final Pattern ENUMERATOR = Pattern.compile("\\d{1,3}[.)]\\s+(?=\\S)");
    private static final Pattern BOLD_LABEL_LINE = Pattern.compile("^\\s*(\\*\\*|__)[^*_]{1,120}\\1\\s*:?\\s*\\\\?$");

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(new ProseInlineParserFactory())
            .build();

    public List<ExtractedAction> extract(Document document) {
        try {
            List<String> repaired = MarkdownRepair.repair(document.lines());
            Node root = parser.parse(String.join("\n", repaired));
            Walk walk = new Walk(repaired.toArray(new String[0]));
            walk.blocks(root, 0);
            return walk.actions;
        } catch (RuntimeException | StackOverflowError unreadable) {
            // the engine never fails a whole import over one odd document
            return List.of();
        }
    }

    /** A heading or lead-in the walk is under. */
    private record Scope(int level, Role role, String group) {
    }

    /** State of one pass over the document. */
    private static final class Walk {
        private final String[] lines;
        private final List<ExtractedAction> actions = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final Deque<Scope> scopes = new ArrayDeque<>();
        /** Whether anything but a heading or lead-in came since the last one. */
        private boolean contentSinceLeadIn;
        /** Whether the current heading or lead-in has listed its work as list items or table rows. */
        private boolean listedSinceHeading;

        Walk(String[] lines) {
            this.lines = lines;
        }

        private Role role() {
            return scopes.isEmpty() ? Role.NEUTRAL : scopes.peek().role();
        }

        private String group() {
            return scopes.isEmpty() ? null : scopes.peek().group();
        }

        void blocks(Node parent, int depth) {
            if (parent instanceof BlockQuote && role() == Role.ACTIONS && ActionLanguage.isConclusion(plainText(parent))) {
                scopes.push(new Scope(SENTENCE_LEAD_IN_LEVEL, Role.CLOSED, group()));
                return;
            }
            if (depth > MAX_BLOCK_DEPTH) {
                return;
            }
            for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
                if (block instanceof Heading heading) {
                    enter(heading.getLevel(), plainText(heading));
                    numberedItemHeading(heading);
                } else if (block instanceof Paragraph paragraph) {
                    paragraph(paragraph);
                } else if (block instanceof ListBlock list) {
                    list(list, role(), group(), depth);
                } else if (block instanceof TableBlock table) {
                    table(table);
                } else if (block instanceof BlockQuote quote) {
                    blocks(quote, depth + 1);
                }
            }
        }

        /**
         * "#### 1) Cron cleanup scheduled @malte_j" over a paragraph: under an action heading, a numbered
         * heading whose section holds no list or table is one action, and its prose describes it.
         */
        private void numberedItemHeading(Heading heading) {
            Matcher number = ENUMERATOR.matcher(plainText(heading));
            if (!number.lookingAt() || role() != Role.ACTIONS && !(role() == Role.LESSONS && underActionsHeading())) {
                return;
            }
            for (Node next = heading.getNext(); next != null; next = next.getNext()) {
                if (next instanceof Heading sibling && sibling.getLevel() <= heading.getLevel()) {
                    break;
                }
                if (next instanceof ListBlock || next instanceof TableBlock || next instanceof Heading) {
                    return;
                }
            }
            Scope scope = scopes.pop();
            add(plainText(heading).substring(number.end()), lineOf(heading), group(), null);
            scopes.push(new Scope(scope.level(), Role.CLOSED, scope.group()));
        }

        /** Whether the scope around the current one is a heading named "... actions" ("Resulting Action"). */
        private boolean underActionsHeading() {
            int depth = 0;
            for (Scope scope : scopes) {
                if (depth++ == 1) {
                    return scope.group() != null && ActionLanguage.namesActions(scope.group());
                }
            }
            return false;
        }

        /** A heading or a lead-in: ends the scopes at its level or below and opens its own. */
        private void enter(int written, String heading) {
            String label = Markup.label(heading);
            int level = written == LEAD_IN_LEVEL ? leadInLevel(label) : written;
            contentSinceLeadIn = false;
            listedSinceHeading = false;
            Role sibling = null;
            while (!scopes.isEmpty() && scopes.peek().level() >= level) {
                Scope closed = scopes.pop();
                if (closed.level() == level) {
                    sibling = closed.role();
                }
            }
            // a part's name is a section word only when it opens with one: "Automated Recovery Procedures" is a part
            Role own = level == SUB_LEAD_IN_LEVEL ? ActionLanguage.roleOfInlineLabel(label) : ActionLanguage.roleOf(label);
            if (own == Role.NEUTRAL && sibling == Role.ACTIONS && ActionLanguage.isWorkGroup(label)) {
                // "### Detection" right after "### Corrective actions" goes on listing work
                own = Role.ACTIONS;
            }
            Role role = own == Role.NEUTRAL ? inherited() : own;
            scopes.push(new Scope(level, role, label));
        }

        /**
         * A lead-in straight after a lead-in with nothing between names a part of it, and the neutral lead-ins
         * after that part name its other parts: "Tasks:", "Monitoring:", ..., "Documentation:" all list tasks.
         * A lead-in that opens with section words of its own ("Lessons learned:") starts a new section.
         */
        private int leadInLevel(String label) {
            for (Scope scope : scopes) {
                if (scope.level() == LEAD_IN_LEVEL) {
                    return contentSinceLeadIn ? LEAD_IN_LEVEL : SUB_LEAD_IN_LEVEL;
                }
                if (scope.level() == SUB_LEAD_IN_LEVEL) {
                    return ActionLanguage.roleOfInlineLabel(label) == Role.NEUTRAL ? SUB_LEAD_IN_LEVEL : LEAD_IN_LEVEL;
                }
                if (scope.level() < LEAD_IN_LEVEL) {
                    break;
                }
            }
            return LEAD_IN_LEVEL;
        }

        private Role inherited() {
            Role parent = role();
            return parent == Role.ACTIONS || parent == Role.LESSONS ? parent : Role.NEUTRAL;
        }

        /** "To prevent this, we will:" names the items after it when it stands in or opens an action section. */
        private void sentenceLeadIn(String sentence) {
            contentSinceLeadIn = true;
            String label = Markup.label(sentence);
            while (!scopes.isEmpty() && scopes.peek().level() >= SENTENCE_LEAD_IN_LEVEL) {
                scopes.pop();
            }
            if (role() == Role.ACTIONS || role() == Role.NEUTRAL && ActionLanguage.roleOf(label) == Role.ACTIONS) {
                scopes.push(new Scope(SENTENCE_LEAD_IN_LEVEL, Role.ACTIONS, label));
                listedSinceHeading = false;
            }
        }

        private void paragraph(Paragraph paragraph) {
            List<String> rawLines = sourceLines(paragraph);
            boolean beforeList = paragraph.getNext() instanceof ListBlock;
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < rawLines.size(); i++) {
                String raw = rawLines.get(i);
                String text = Markup.strip(raw);
                int line = lineOf(paragraph) + i;
                if (text.isEmpty() || raw.trim().startsWith("![")) {
                    continue;
                }
                boolean alone = rawLines.size() == 1;
                boolean bold = BOLD_LABEL_LINE.matcher(raw).matches();
                if (!bold && isShortLabel(text) && afterBoldLabel(units)) {
                    // "**Resolution:**" then "Immediate steps involved:": the second line belongs to the first
                    units.add(Unit.leadIn(text, SENTENCE_LEAD_IN_LEVEL));
                } else if (bold || isShortLabel(text)) {
                    units.add(Unit.leadIn(text, bold ? BOLD_LEAD_IN_LEVEL : LEAD_IN_LEVEL));
                } else if (ActionLanguage.isTextHeading(text) && (alone || !continues(units, text))) {
                    units.add(Unit.leadIn(text, TEXT_HEADING_LEVEL));
                } else {
                    String[] label = inlineLabel(raw, text);
                    if (label != null) {
                        units.add(Unit.leadIn(label[0], LEAD_IN_LEVEL));
                        units.add(Unit.content(label[1], line));
                    } else if (continues(units, text)) {
                        units.get(units.size() - 1).append(text);
                    } else {
                        units.add(Unit.content(text, line));
                    }
                }
            }
            for (int u = 0; u < units.size(); u++) {
                Unit unit = units.get(u);
                String text = unit.text.toString();
                boolean last = u == units.size() - 1;
                if (unit.leadInLevel == SENTENCE_LEAD_IN_LEVEL) {
                    sentenceLeadIn(text);
                } else if (unit.leadInLevel != 0) {
                    enter(Math.abs(unit.leadInLevel), text);
                } else if (text.endsWith(":") || last && beforeList && ActionLanguage.isNotWork(text)) {
                    sentenceLeadIn(text);
                } else {
                    // lines written one item a line keep each line whole, however many sentences it has
                    boolean alone = (u == 0 || units.get(u - 1).leadInLevel != 0)
                            && (last || units.get(u + 1).leadInLevel != 0);
                    prose(text, unit.line, alone);
                }
            }
        }

        /** "**Improvements:** Implement X" or "Tasks: Do Y": a lead-in and its first item on one line. */
        private String[] inlineLabel(String raw, String text) {
            String[] label = ActionLanguage.splitLabel(text);
            if (label == null) {
                return null;
            }
            Role role = ActionLanguage.roleOfInlineLabel(label[0]);
            return role == Role.NEUTRAL ? null : label;
        }

        private static boolean isShortLabel(String text) {
            return text.endsWith(":") && text.length() <= 60 && Markup.wordCount(text) <= 6
                    && !ActionLanguage.startsWithVerb(text) && Character.isUpperCase(text.charAt(0))
                    && !ActionLanguage.isSentence(text);
        }

        private static boolean afterBoldLabel(List<Unit> units) {
            return !units.isEmpty() && units.get(units.size() - 1).leadInLevel == BOLD_LEAD_IN_LEVEL;
        }

        /** A line wrapped by the author's editor continues the previous one. */
        private static boolean continues(List<Unit> units, String next) {
            if (units.isEmpty() || units.get(units.size() - 1).leadInLevel != 0) {
                return false;
            }
            String previous = units.get(units.size() - 1).lastLine;
            boolean openEnded = !endsWrap(previous);
            return Character.isLowerCase(next.charAt(0)) && !previous.endsWith(":")
                    || openEnded && previous.length() >= 60;
        }

        /** Whether a line ends as a sentence, a lead-in or a parenthesis does: a line that wraps does not. */
        private static boolean endsWrap(String line) {
            if (line.isEmpty()) {
                return false;
            }
            char last = line.charAt(line.length() - 1);
            return ".!?:;)\"”".indexOf(last) >= 0;
        }

        private void prose(String text, int line, boolean splitSentences) {
            contentSinceLeadIn = true;
            if (role() == Role.ACTIONS && ActionLanguage.isConclusion(text)) {
                // a closing paragraph ends the list of work; the next heading or lead-in starts afresh
                scopes.push(new Scope(SENTENCE_LEAD_IN_LEVEL, Role.CLOSED, group()));
                return;
            }
            if (role() == Role.ACTIONS) {
                // a section that lists its work as items comments on it in its prose, unless that commits outright
                if (fieldOfLastAction(text) || listedSinceHeading && !ActionLanguage.commitsToWork(text)
                        || ActionLanguage.isNotWork(text) || !ActionLanguage.isWorkProse(text)
                        || ActionLanguage.isOnlyReferences(text)) {
                    return;
                }
                for (String sentence : splitSentences ? ActionLanguage.splitWorkSentences(text) : List.of(text)) {
                    add(sentence, line, null);
                }
            } else if (role() == Role.LESSONS) {
                for (String sentence : ActionLanguage.weWillSentences(text)) {
                    add(sentence, line, null);
                }
            } else if (role() == Role.NEUTRAL) {
                announcedWork(text, line);
            }
        }

        /**
         * "Several improvements have been identified. We plan to X. Y will be implemented.": a paragraph of
         * prose that opens by announcing work commits to it in the sentences after; the opening is their group.
         */
        private void announcedWork(String text, int line) {
            // the opening needs a section word, and most paragraphs hold none: look before splitting
            if (!ActionLanguage.mayNameActions(text)) {
                return;
            }
            List<String> sentences = ActionLanguage.sentences(text);
            if (sentences.size() < 2 || ActionLanguage.roleOf(sentences.get(0)) != Role.ACTIONS) {
                return;
            }
            for (String sentence : sentences.subList(1, sentences.size())) {
                if (ActionLanguage.promises(sentence) && !ActionLanguage.isNotWork(sentence)) {
                    add(sentence, line, sentences.get(0), null);
                }
            }
        }

        private void list(ListBlock list, Role role, String group, int depth) {
            contentSinceLeadIn = true;
            if (depth > MAX_BLOCK_DEPTH) {
                return;
            }
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem listItem)) {
                    continue;
                }
                StringBuilder own = new StringBuilder();
                List<ListBlock> subLists = new ArrayList<>();
                for (Node child = listItem.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof ListBlock subList) {
                        subLists.add(subList);
                    } else if (child instanceof Paragraph || child instanceof Heading) {
                        appendCollapsed(own, plainText(child));
                    }
                }
                String text = withoutCheckbox(own.toString());
                boolean labelLike = isLabelLike(text);
                Fields subFields = subLists.isEmpty() || text.isEmpty() ? null : fieldsOnly(subLists);
                if (subFields != null) {
                    // "1. Rotate the key" with "- Owner: Sam" / "- Due: ..." under it: one action and its fields
                    if (role == Role.ACTIONS && !ActionLanguage.isNotWork(text)) {
                        add(text, lineOf(listItem), group, subFields);
                        listedSinceHeading = true;
                    }
                } else if (!subLists.isEmpty() && role == Role.ACTIONS && isCheckbox(own)) {
                    // "- [ ] Hold a retrospective" over its links: a task box is work, and so is each item under it
                    add(text, lineOf(listItem), group, linkedTicket(text, listItem));
                    listedSinceHeading = true;
                    for (ListBlock subList : subLists) {
                        list(subList, role, group, depth + 1);
                    }
                } else if (!subLists.isEmpty()) {
                    Role labelRole = labelLike ? ActionLanguage.roleOf(Markup.label(text)) : Role.NEUTRAL;
                    if (labelRole == Role.CLOSED) {
                        continue;
                    }
                    Role subRole = labelRole == Role.ACTIONS ? Role.ACTIONS : role;
                    String subGroup = text.isEmpty() || subRole == Role.LESSONS ? group : Markup.label(text);
                    for (ListBlock subList : subLists) {
                        list(subList, subRole, subGroup, depth + 1);
                    }
                } else if (labelLike && text.endsWith(":")) {
                    enter(LEAD_IN_LEVEL, text);
                    role = role();
                    group = group();
                } else if (role == Role.ACTIONS) {
                    if (!text.isEmpty() && !ActionLanguage.isNotWork(text) && !onlyNonIssueLinks(text, listItem)) {
                        add(text, lineOf(listItem), group, linkedTicket(text, listItem));
                        listedSinceHeading = true;
                    }
                } else if (role == Role.NEUTRAL && isOpenTaskBox(own) && !text.isEmpty()) {
                    // "- [ ] Shard the queue" is a task still to do under whatever heading it stands
                    add(text, lineOf(listItem), group, linkedTicket(text, listItem));
                } else if (role == Role.LESSONS && ActionLanguage.commitsStrictly(text)) {
                    add(text, lineOf(listItem), group, linkedTicket(text, listItem));
                }
            }
        }

        /**
         * "Pin the versions ([Issue](https://host/org/repo/issues/12))": the ticket an item links to when its
         * visible text names none; null otherwise.
         */
        private static Fields linkedTicket(String text, Node item) {
            if (ActionFields.ticketInText(text) != null) {
                return null;
            }
            Deque<Node> pending = new ArrayDeque<>();
            pending.push(item);
            while (!pending.isEmpty()) {
                Node node = pending.pop();
                String ticket = node instanceof Link link ? ActionFields.ticketInText(link.getDestination()) : null;
                if (ticket != null) {
                    return new Fields(null, null, null, ticket, null);
                }
                for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                    if (!(child instanceof ListBlock)) {
                        pending.push(child);
                    }
                }
            }
            return null;
        }

        /** An item that only links to pull requests, commits or pages: done work or background, not work. */
        private static boolean onlyNonIssueLinks(String text, Node item) {
            if (!ActionLanguage.isOnlyReferences(text)) {
                return false;
            }
            for (String word : text.split("\\s+")) {
                if (ActionLanguage.isIssueLink(word)) {
                    return false;
                }
            }
            Deque<Node> pending = new ArrayDeque<>();
            pending.push(item);
            while (!pending.isEmpty()) {
                Node node = pending.pop();
                if (node instanceof Link link && ActionLanguage.isIssueLink(link.getDestination())) {
                    return false;
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    if (!(child instanceof ListBlock)) {
                        pending.push(child);
                    }
                }
            }
            return true;
        }

        private static boolean isLabelLike(String text) {
            return !text.isEmpty() && (text.endsWith(":") || !text.endsWith("."))
                    && Markup.wordCount(text) <= LABEL_MAX_WORDS;
        }

        /**
         * Joins collapsed texts with one space, skipping empty ones: the collapsed join, without
         * collapsing the whole again.
         */
        private static void appendCollapsed(StringBuilder joined, String collapsed) {
            if (collapsed.isEmpty()) {
                return;
            }
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(collapsed);
        }

        private void table(TableBlock table) {
            contentSinceLeadIn = true;
            if (role() != Role.ACTIONS) {
                return;
            }
            List<String> header = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            List<Integer> rowLines = new ArrayList<>();
            for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells.add(plainText(cell));
                    }
                    if (part instanceof TableHead) {
                        header = cells;
                    } else if (part instanceof TableBody) {
                        rows.add(cells);
                        rowLines.add(lineOf(row) > 0 ? lineOf(row) : lineOf(table));
                    }
                }
            }
            if (!ActionTable.looksLikeActions(header)) {
                return;
            }
            ActionTable columns = ActionTable.of(header);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                String text = ActionTable.cell(row, columns.text());
                if (text == null || clean(text).isEmpty() || ActionTable.declined(row)) {
                    continue;
                }
                Fields fields = new Fields(
                        cellOrNull(row, columns.owner(), ActionFields::ownerCell),
                        cellOrNull(row, columns.due(), ActionFields::date),
                        cellOrNull(row, columns.priority(), ActionFields::priorityCell),
                        cellOrNull(row, columns.ticket(), ActionFields::ticketCell),
                        ActionTable.cell(row, columns.type()));
                add(text, rowLines.get(r), group(), fields);
                listedSinceHeading = true;
            }
        }

        /** The fields stated by sub-items that are all "Owner: ...", "Due: ..." lines; else null. */
        private Fields fieldsOnly(List<ListBlock> subLists) {
            Fields fields = Fields.NONE;
            for (ListBlock subList : subLists) {
                for (Node sub = subList.getFirstChild(); sub != null; sub = sub.getNext()) {
                    if (sub.getFirstChild() == null || sub.getFirstChild().getNext() != null
                            || !(sub.getFirstChild() instanceof Paragraph)) {
                        return null;
                    }
                    Fields field = Fields.ofLine(clean(plainText(sub.getFirstChild())));
                    if (field == null) {
                        return null;
                    }
                    fields = fields.or(field);
                }
            }
            return fields;
        }

        /** "Deadline: December 22" on the line after an action states that action's field; else false. */
        private boolean fieldOfLastAction(String text) {
            Fields field = Fields.ofLine(text);
            if (field == null) {
                return false;
            }
            if (!actions.isEmpty() && Objects.equals(actions.get(actions.size() - 1).group(), group())) {
                ExtractedAction last = actions.get(actions.size() - 1);
                Fields merged = new Fields(last.owner(), last.due(), last.priority(), last.ticket(), null).or(field);
                actions.set(actions.size() - 1, new ExtractedAction(last.text(), last.kind(), last.group(), merged.owner,
                        merged.due, merged.priority, merged.ticket, last.line()));
            }
            return true;
        }

        private void add(String text, int line, String group, Fields cells) {
            // an item of a list written as one sentence ("alert on X,", "add Y, and") ends without its joiner
            String cleaned = clean(text);
            if (endsWithJoiner(cleaned)) {
                cleaned = LIST_JOINER.matcher(cleaned).replaceFirst("");
            }
            if (cleaned.isEmpty()) {
                return;
            }
            Fields fields = cells == null ? Fields.NONE : cells;
            String owner = fields.owner != null ? fields.owner : ActionFields.ownerInText(cleaned);
            LocalDate due = fields.due != null ? fields.due : ActionFields.dueInText(cleaned);
            String priority = fields.priority != null ? fields.priority : ActionFields.priorityInText(cleaned);
            String ticket = fields.ticket != null ? fields.ticket : ActionFields.ticketInText(cleaned);
            String key = cleaned.toLowerCase(Locale.ROOT);
            Integer earlier = seen.get(key);
            if (earlier != null) {
                // the same item listed twice (prose, then a table row): one action, with what each adds
                ExtractedAction first = actions.get(earlier);
                actions.set(earlier, new ExtractedAction(first.text(), first.kind(), first.group(),
                        first.owner() != null ? first.owner() : owner, first.due() != null ? first.due() : due,
                        first.priority() != null ? first.priority() : priority,
                        first.ticket() != null ? first.ticket() : ticket, first.line()));
                return;
            }
            seen.put(key, actions.size());
            actions.add(new ExtractedAction(cleaned, ActionKind.of(cleaned, group, fields.type), group, owner, due,
                    priority, ticket, line));
        }

        private void add(String text, int line, Fields cells) {
            add(text, line, group(), cells);
        }

        private List<String> sourceLines(Node node) {
            List<String> out = new ArrayList<>();
            for (SourceSpan span : node.getSourceSpans()) {
                int index = span.getLineIndex();
                if (index < 0 || index >= lines.length) {
                    continue;
                }
                String line = lines[index];
                int start = Math.min(span.getColumnIndex(), line.length());
                out.add(line.substring(start, Math.min(line.length(), start + span.getLength())));
            }
            return out;
        }
    }

    /** Owner, due, priority, ticket and type read from a table row's cells. */
    private record Fields(String owner, LocalDate due, String priority, String ticket, String type) {

        static final Fields NONE = new Fields(null, null, null, null, null);

        /** The field a line such as "Owner: Sam" or "Due: 2024-03-01" states, or null for any other line. */
        static Fields ofLine(String text) {
            Matcher field = FIELD_ITEM.matcher(text.length() > 300 ? "" : text);
            if (!field.matches()) {
                return null;
            }
            String name = field.group(1).toLowerCase(Locale.ROOT);
            String value = field.group(2).trim();
            if (name.startsWith("owner") || name.startsWith("assignee") || name.equals("dri") || name.equals("team")) {
                return new Fields(ActionFields.ownerCell(value), null, null, null, null);
            } else if (name.startsWith("due") || name.equals("deadline") || name.equals("eta")
                    || name.equals("target date")) {
                return new Fields(null, ActionFields.date(value), null, null, null);
            } else if (name.equals("priority") || name.equals("severity")) {
                return new Fields(null, null, ActionFields.priorityCell(value), null, null);
            } else if (!name.equals("status")) {
                return new Fields(null, null, null, ActionFields.ticketCell(value), null);
            }
            return NONE;
        }

        /** These fields, each one missing taken from {@code other}. */
        Fields or(Fields other) {
            return new Fields(owner != null ? owner : other.owner, due != null ? due : other.due,
                    priority != null ? priority : other.priority, ticket != null ? ticket : other.ticket,
                    type != null ? type : other.type);
        }
    }

    /** One logical line of a paragraph: a lead-in, or content that may have wrapped over several lines. */
    private static final class Unit {
        final StringBuilder text;
        final int line;
        final int leadInLevel;
        String lastLine;

        private Unit(String text, int line, int leadInLevel) {
            this.text = new StringBuilder(text);
            this.line = line;
            this.leadInLevel = leadInLevel;
            this.lastLine = text;
        }

        static Unit leadIn(String text, int level) {
            return new Unit(text, 0, level);
        }

        static Unit content(String text, int line) {
            return new Unit(text, line, 0);
        }

        void append(String next) {
            text.append(' ').append(next);
            lastLine = next;
        }
    }

    private static <T> T cellOrNull(List<String> row, int column, java.util.function.Function<String, T> read) {
        String cell = ActionTable.cell(row, column);
        return cell == null || cell.isBlank() ? null : read.apply(cell);
    }

    /** The item as a reader sees it: no checkbox, no stray markup, whitespace collapsed. */
    private static boolean endsWithJoiner(String text) {
        return text.endsWith(",") || text.endsWith(";") || text.endsWith(" and") || text.endsWith(" or");
    }

    static String clean(String text) {
        return withoutCheckbox(Markup.collapse(text));
    }

    private static final Pattern OPEN_TASK_BOX = Pattern.compile("^\\[ ?]\\s");

    private static boolean isOpenTaskBox(CharSequence collapsed) {
        return collapsed.length() > 0 && collapsed.charAt(0) == '[' && OPEN_TASK_BOX.matcher(collapsed).lookingAt();
    }

    private static boolean isCheckbox(CharSequence collapsed) {
        return collapsed.length() > 0 && collapsed.charAt(0) == '[' && CHECKBOX.matcher(collapsed).lookingAt();
    }

    private static String withoutCheckbox(String collapsed) {
        // collapsed text has no leading space: a checkbox can only be there if it starts with '['
        if (!collapsed.startsWith("[")) {
            return collapsed;
        }
        Matcher checkbox = CHECKBOX.matcher(collapsed);
        return checkbox.lookingAt() ? collapsed.substring(checkbox.end()).trim() : collapsed;
    }

    private static int lineOf(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
    }

    /** The node's text with markup removed, read without recursion: inline nesting can be arbitrarily deep. */
    static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        Deque<Node> pending = new ArrayDeque<>();
        if (node.getFirstChild() != null) {
            pending.push(node.getFirstChild());
        }
        while (!pending.isEmpty()) {
            Node current = pending.pop();
            if (current.getNext() != null) {
                pending.push(current.getNext());
            }
            if (current instanceof Text text) {
                out.append(text.getLiteral());
            } else if (current instanceof Code code) {
                out.append(code.getLiteral());
            } else if (current instanceof SoftLineBreak || current instanceof HardLineBreak) {
                out.append(' ');
            } else if (current.getFirstChild() != null) {
                pending.push(current.getFirstChild());
            }
        }
        return Markup.collapse(out.toString());
    }
}
