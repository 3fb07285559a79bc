package dev.closeout.postmortem.extraction;

/** How a postmortem's text was read. */
public enum MediaType {
    MARKDOWN, TEXT, HTML;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
