package dev.closeout.integrations.jira;

import dev.closeout.integrations.tracker.BackLink;
import dev.closeout.integrations.tracker.Description;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Description} as Jira wiki markup (Jira Data Center's description format): paragraphs separated
 * by a blank line, the link as {@code [title|url]}. Text from postmortems is escaped so that an asterisk or
 * a bracket stays a character instead of turning into bold text or a broken link.
 */
final class WikiMarkup {

    /** Characters that start markup in Jira's wiki renderer; a backslash before one prints it as is. */
    private static final String SPECIAL = "*_?-+^~{}[]|!#";

    /** A URL in running text, up to the next blank or a character that cannot end one. */
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s\\[\\]|{}]+");

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

    /**
     * The text with markup characters escaped, except inside bare URLs: Jira links those by itself, and a
     * backslash in one would end up in the link.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher url = BARE_URL.matcher(text);
        int from = 0;
        while (url.find()) {
            escape(text.substring(from, url.start()), out);
            out.append(url.group());
            from = url.end();
        }
        escape(text.substring(from), out);
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
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
    }

    /** The characters that would end the link markup early, percent-encoded (the URL still means the same). */
    private static String linkUrl(String url) {
        return url.replace("|", "%7C").replace("]", "%5D").replace("[", "%5B").replace(" ", "%20");
    }
}
