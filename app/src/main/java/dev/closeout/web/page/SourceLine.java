package dev.closeout.web.page;

import dev.closeout.action.ActionItemResponse;
import dev.closeout.postmortem.extraction.DocumentReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a postmortem's text as the extractor read it, with the follow-ups it produced. Follow-ups count
 * their {@code source_line} in the extractor's lines (HTML converted to markdown-like lines first), so the page
 * shows those lines, not the raw text, and every mark falls on its line.
 */
public record SourceLine(int number, String text, List<ActionItemResponse> followUps) {

    public boolean marked() {
        return !followUps.isEmpty();
    }

    /** The lines of {@code text}, each with the follow-ups still in the text that come from it. */
    static List<SourceLine> of(String text, List<ActionItemResponse> followUps) {
        Map<Integer, List<ActionItemResponse>> byLine = new HashMap<>();
        for (ActionItemResponse followUp : followUps) {
            // one removed from the text kept the line number of a text that is no longer there; a dismissed one is
            // no follow-up the line produced
            if (followUp.sourceLine() != null && !followUp.removedFromSource() && !followUp.dismissed()) {
                byLine.computeIfAbsent(followUp.sourceLine(), line -> new ArrayList<>()).add(followUp);
            }
        }
        List<String> lines = new DocumentReader().read(text).lines();
        List<SourceLine> numbered = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            numbered.add(new SourceLine(i + 1, lines.get(i), byLine.getOrDefault(i + 1, List.of())));
        }
        return numbered;
    }
}
