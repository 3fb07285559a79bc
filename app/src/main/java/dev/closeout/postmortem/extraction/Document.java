package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A postmortem ready to be read: its text as markdown-like lines (HTML is converted first), and its
 * sections in document order. Every extractor reads this, never the raw input.
 */
public record Document(MediaType mediaType, List<String> lines, List<Section> sections) {

    public Document {
        lines = List.copyOf(lines);
        sections = List.copyOf(sections);
    }

    /** The text of line {@code number} (1-based). */
    public String line(int number) {
        return lines.get(number - 1);
    }

    public String text() {
        return String.join("\n", lines);
    }

    /** The sections whose heading matches, in document order. */
    public List<Section> sectionsMatching(Pattern heading) {
        List<Section> matching = new ArrayList<>();
        Matcher matcher = heading.matcher("");
        for (Section section : sections) {
            // one matcher reset per heading rather than a new matcher per heading
            if (matcher.reset(section.heading()).find()) {
                matching.add(section);
            }
        }
        return List.copyOf(matching);
    }
}
