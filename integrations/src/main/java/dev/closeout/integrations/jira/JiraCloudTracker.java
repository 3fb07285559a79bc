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
 * Jira Cloud through REST API v3: people by accountId, descriptions as Atlassian Documents, search by
 * {@code /search/jql} with continuation tokens (the old {@code /search} answers 410 Gone).
 */
final class JiraCloudTracker extends JiraTracker {

    static final String API_PATH = "/rest/api/3";

    /** Issues per search page asked for; Jira may send fewer, so the count never says a page was the last. */
    private static final String PAGE_SIZE = "100";

    JiraCloudTracker(JiraHttp http) {
        super(http);
    }

    @Override
    TrackerUser user(JsonNode user) {
        return new TrackerUser(user.path("accountId").asText(), IssueReader.text(user.path("displayName")),
                IssueReader.text(user.path("emailAddress")));
    }

    @Override
    ObjectNode userReference(String id) {
        return NODES.objectNode().put("accountId", id);
    }

    @Override
    JsonNode description(Description description) {
        return AdfDocument.of(description);
    }

    @Override
    TicketPage search(String jql, String pageToken) {
        JiraRequest request = JiraRequest.get("search/jql")
                .with("jql", jql)
                .with("fields", IssueReader.FIELDS)
                .with("properties", JiraTrackers.PROPERTY_KEY)
                .with("maxResults", PAGE_SIZE);
        if (pageToken != null) {
            request = request.with("nextPageToken", pageToken);
        }
        JsonNode page = http.send(request).body();
        List<TicketState> tickets = new ArrayList<>();
        page.path("issues").forEach(issue -> tickets.add(issues.read(issue)));
        // the token is omitted on the last page; isLast true ends it even if a token came along
        String next = page.path("isLast").asBoolean(false) ? null : IssueReader.text(page.path("nextPageToken"));
        return new TicketPage(tickets, next == null || next.isEmpty() ? null : next);
    }

    /**
     * The one active Atlassian account found by the full address. People may hide their e-mail; such an
     * account is only found by an exact match and comes back without it, so a missing address still counts.
     */
    @Override
    public Optional<TrackerUser> userByEmail(String email) {
        JsonNode found = http.send(JiraRequest.get("user/search").with("query", email)).body();
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode user : found) {
            String address = IssueReader.text(user.path("emailAddress"));
            boolean person = !user.has("accountType") || "atlassian".equals(user.path("accountType").asText());
            if (user.path("active").asBoolean(true) && person
                    && (address == null || address.isEmpty() || address.equalsIgnoreCase(email))) {
                matches.add(user);
            }
        }
        return matches.size() == 1 ? Optional.of(user(matches.get(0))) : Optional.empty();
    }
}
