package dev.closeout.jira;

import dev.closeout.action.ActionItem;
import dev.closeout.integrations.tracker.BackLink;
import dev.closeout.integrations.tracker.Description;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** What a follow-up's ticket says: summary, description and the link back to the postmortem. */
final class TicketContent {

    private static final int SUMMARY = 255;

    private final URI publicUrl;

    TicketContent(URI publicUrl) {
        this.publicUrl = URI.create(publicUrl.toString().replaceAll("/+$", ""));
    }

    static String summary(ActionItem action) {
        String line = action.text().strip().replaceAll("\\s+", " ");
        return line.length() <= SUMMARY ? line : line.substring(0, SUMMARY - 1) + "…";
    }

    Description description(ActionItem action, @Nullable String postmortemTitle) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(action.text().strip());
        List<String> facts = new ArrayList<>();
        if (action.kind() != null) {
            facts.add("Kind: " + action.kind());
        }
        if (action.priority() != null) {
            facts.add("priority: " + action.priority());
        }
        if (action.owner() != null) {
            facts.add("owner: " + action.owner());
        }
        if (!facts.isEmpty()) {
            paragraphs.add(String.join("; ", facts) + ".");
        }
        paragraphs.add("Created by Closeout for follow-up " + action.id() + "; its status, due date and assignee "
                + "are kept in step with Closeout.");
        return new Description(paragraphs, postmortem(action, postmortemTitle));
    }

    BackLink backLink(ActionItem action, @Nullable String postmortemTitle) {
        return new BackLink(globalId(action.id()), postmortem(action, postmortemTitle), summary(action),
                action.status().isClosed());
    }

    static String globalId(long actionId) {
        return "closeout-action=" + actionId;
    }

    private BackLink.Target postmortem(ActionItem action, @Nullable String title) {
        String name = title == null || title.isBlank() ? "Postmortem " + action.postmortemId() : title.strip();
        return new BackLink.Target("Postmortem: " + name,
                publicUrl + "/api/postmortems/" + action.postmortemId() + "#action-" + action.id());
    }
}
