package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeout.integrations.tracker.Description;
import dev.closeout.integrations.tracker.TicketPage;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jira Data Center through REST API v2: people by username, descriptions in wiki markup, search by
 * {@code /search} with {@code startAt} paging (the page token is the next {@code startAt}).
 */
final class JiraDataCenterTracker extends JiraTracker {

    static final String API_PATH = "/rest/api/2";

    /** Issues per search page asked for; the server may cap it (an admin setting), so it is read back. */
    private static final int PAGE_SIZE = 100;

    JiraDataCenterTracker(JiraHttp http) {
        super(http);
    }

    @Override
    TrackerUser user(JsonNode user) {
        return new TrackerUser(user.path("name").asText(), IssueReader.text(user.path("displayName")),
                IssueReader.text(user.path("emailAddress")));
    }

    @Override
    ObjectNode userReference(String id) {
        return NODES.objectNode().put("name", id);
    }

    @Override
    JsonNode description(Description description) {
        return NODES.textNode(WikiMarkup.of(description));
    }

    @Override
    TicketPage search(String jql, String pageToken) {
        int startAt = startAt(pageToken);
        JsonNode page = http.send(JiraRequest.get("search")
                .with("jql", jql)
                .with("startAt", Integer.toString(startAt))
                .with("maxResults", Integer.toString(PAGE_SIZE))
                .with("fields", IssueReader.FIELDS)
                .with("properties", JiraTrackers.PROPERTY_KEY)).body();
        List<TicketState> tickets = new ArrayList<>();
        page.path("issues").forEach(issue -> tickets.add(issues.read(issue)));
        // step by the window the server used, not by what it returned, so no issue is read twice
        int step = Math.max(page.path("maxResults").asInt(tickets.size()), tickets.size());
        int next = page.path("startAt").asInt(startAt) + step;
        boolean last = tickets.isEmpty() || next >= page.path("total").asInt(0);
        return new TicketPage(tickets, last ? null : Integer.toString(next));
    }

    private static int startAt(String pageToken) {
        if (pageToken == null) {
            return 0;
        }
        try {
            return Integer.parseInt(pageToken);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Data Center page token: " + pageToken, e);
        }
    }

    /** The one active user whose address is exactly this one ({@code username} also matches names). */
    @Override
    public Optional<TrackerUser> userByEmail(String email) {
        JsonNode found = http.send(JiraRequest.get("user/search").with("username", email)).body();
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode user : found) {
            if (user.path("active").asBoolean(true) && email.equalsIgnoreCase(user.path("emailAddress").asText())) {
                matches.add(user);
            }
        }
        return matches.size() == 1 ? Optional.of(user(matches.get(0))) : Optional.empty();
    }
}
