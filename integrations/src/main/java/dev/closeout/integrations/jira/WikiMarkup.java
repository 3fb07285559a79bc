package dev.closeout.integrations.jira;

import dev.closeout.integrations.tracker.BackLink;
import dev.closeout.integrations.tracker.Description;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Description} as Jira wiki markup (Jira Data Center's description format): paragraphs separated
 * by a blank line, the link as {@code [title|url]}. Text from postmortems is escaped so that an asterisk or
 * a bracket stays a character instead of turning into bold text or a broken link.
 */
final class WikiMarkup {

    /** Characters that start markup in Jira's wiki renderer; a backslash before one prints it as is. */
    private static final String SPECIAL = "*_?-+^~{}[]|!#";

    private WikiMarkup() {
    }

    static String of(Description description) {
        List<String> blocks = new ArrayList<>();
        for (String paragraph : description.paragraphs()) {
            if (!paragraph.isBlank()) {
                blocks.add(escape(paragraph.strip()));
            }
        }
        BackLink.Target link = description.link();
        if (link != null) {
            String title = link.title() == null || link.title().isBlank() ? link.url() : link.title();
            blocks.add("[" + escape(title) + "|" + linkUrl(link.url()) + "]");
        }
        return String.join("\n\n", blocks);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                // "\\" is a forced line break in wiki markup, so a literal backslash goes as an entity
                out.append("&#92;");
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The characters that would end the link markup early, percent-encoded (the URL still means the same). */
    private static String linkUrl(String url) {
        return url.replace("|", "%7C").replace("]", "%5D").replace("[", "%5B").replace(" ", "%20");
    }
}
