package dev.closeout.postmortem.extraction;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the corrective and preventative actions a postmortem commits to.
 *
 * <p>This first version reads markdown structure only: the section whose heading or lead-in names
 * follow-up work ("Corrective and Preventative Measures", "Action Items", "Tasks"...), and in it every
 * list item that carries no sub-items. An item with sub-items is a label for them and becomes their group.
 */
public final class ActionExtractor {

    private static final Pattern ACTION_SECTION = Pattern.compile(
            "\\b(corrective|preventa?tive|prevention|action items?|actions? taken to prevent|follow[- ]?ups?"
                    + "|tasks|improvements?|next steps|future work|mitigation measures|remediation)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CORRECTIVE_GROUP = Pattern.compile("\\bcorrective\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PREVENTATIVE_GROUP =
            Pattern.compile("\\bpreventa?tive\\b|\\bprevention\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PREVENTATIVE_WORDING = Pattern.compile(
            "\\b(monitor\\w*|alert\\w*|automat\\w*|tests?|testing|train\\w*|process(es)?|document\\w*|runbooks?"
                    + "|playbooks?|audits?|regular\\w*|periodic\\w*|redundan\\w*|policy|policies|procedures?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int LEAD_IN_MAX_LENGTH = 80;

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    public List<ExtractedAction> extract(Document document) {
        Node root = parser.parse(document.text());
        Walk walk = new Walk();
        for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
            walk.visitBlock(block);
        }
        return walk.actions;
    }

    /** State of one pass over the document's top-level blocks. */
    private static final class Walk {
        private final List<ExtractedAction> actions = new ArrayList<>();
        private int actionSectionLevel = 0;
        private String sectionGroup;
        private String group;

        void visitBlock(Node block) {
            if (block instanceof Heading heading) {
                visitHeading(heading);
            } else if (block instanceof Paragraph paragraph) {
                visitParagraph(paragraph);
            } else if (block instanceof ListBlock list && inActionSection()) {
                collectLeaves(list, group);
            }
        }

        private boolean inActionSection() {
            return actionSectionLevel > 0;
        }

        private void visitHeading(Heading heading) {
            String text = stripLabel(plainText(heading));
            if (inActionSection() && heading.getLevel() > actionSectionLevel) {
                group = text;
                return;
            }
            actionSectionLevel = ACTION_SECTION.matcher(text).find() ? heading.getLevel() : 0;
            sectionGroup = text;
            group = text;
        }

        /** A short paragraph such as "**Tasks:**" names the list that follows it. */
        private void visitParagraph(Paragraph paragraph) {
            String text = plainText(paragraph);
            boolean leadIn = text.length() <= LEAD_IN_MAX_LENGTH
                    && (text.endsWith(":") || paragraph.getFirstChild() instanceof StrongEmphasis
                    && paragraph.getFirstChild() == paragraph.getLastChild());
            if (!leadIn) {
                return;
            }
            String label = stripLabel(text);
            if (inActionSection()) {
                group = label;
            } else if (ACTION_SECTION.matcher(label).find()) {
                // a lead-in outside any heading's section: it lasts until the next heading
                actionSectionLevel = 7;
                sectionGroup = label;
                group = label;
            }
        }

        private void collectLeaves(ListBlock list, String listGroup) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem listItem)) {
                    continue;
                }
                StringBuilder own = new StringBuilder();
                List<ListBlock> subLists = new ArrayList<>();
                for (Node child = listItem.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof ListBlock subList) {
                        subLists.add(subList);
                    } else {
                        own.append(' ').append(plainText(child));
                    }
                }
                String text = collapse(own.toString());
                if (subLists.isEmpty()) {
                    if (!text.isEmpty()) {
                        actions.add(action(text, listGroup, lineOf(listItem)));
                    }
                } else {
                    String label = text.isEmpty() ? listGroup : stripLabel(text);
                    subLists.forEach(subList -> collectLeaves(subList, label));
                }
            }
        }

        private ExtractedAction action(String text, String actionGroup, int line) {
            return new ExtractedAction(text, kindOf(text, actionGroup), actionGroup, null, null, null, null, line);
        }

        private String kindOf(String text, String actionGroup) {
            for (String heading : new String[] {actionGroup, sectionGroup}) {
                if (heading == null) {
                    continue;
                }
                boolean corrective = CORRECTIVE_GROUP.matcher(heading).find();
                boolean preventative = PREVENTATIVE_GROUP.matcher(heading).find();
                if (corrective != preventative) {
                    return corrective ? "corrective" : "preventative";
                }
            }
            return PREVENTATIVE_WORDING.matcher(text).find() ? "preventative" : "corrective";
        }
    }

    private static int lineOf(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
    }

    /** "**Tasks:**" and "Tasks:" both name the group "Tasks". */
    static String stripLabel(String text) {
        String label = collapse(text);
        while (label.endsWith(":")) {
            label = label.substring(0, label.length() - 1).trim();
        }
        return label;
    }

    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    /** The node's text with markup removed: what a reader sees. */
    static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                out.append(' ');
            }
        });
        return collapse(out.toString());
    }
}
