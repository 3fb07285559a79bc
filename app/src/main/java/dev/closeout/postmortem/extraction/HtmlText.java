package dev.closeout.postmortem.extraction;

import java.util.regex.Pattern;

/** Converts an HTML export (Confluence, Google Docs) into markdown-like lines. */
final class HtmlText {

    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private HtmlText() {
    }

    static String toMarkdownLike(String html) {
        String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "");
        for (int level = 1; level <= 6; level++) {
            text = text.replaceAll("(?i)<h" + level + "[^>]*>", "\n" + "#".repeat(level) + " ");
        }
        text = text.replaceAll("(?i)<li[^>]*>", "\n- ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</h[1-6]>|</li>|</tr>|</div>", "\n")
                .replaceAll("(?i)</t[dh]>", " | ");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
