package dev.closeout.integrations.tracker;

import java.util.List;

/**
 * A ticket's text as plain paragraphs and a link back to the postmortem; Jira Cloud renders it as an
 * Atlassian Document, Jira Data Center as wiki markup.
 */
public record Description(List<String> paragraphs, BackLink.Target link) {

    public Description {
        paragraphs = List.copyOf(paragraphs);
    }
}
