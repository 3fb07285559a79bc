package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeout.integrations.tracker.BackLink;
import dev.closeout.integrations.tracker.CreateOutcome;
import dev.closeout.integrations.tracker.Description;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.NewTicket;
import dev.closeout.integrations.tracker.ProjectMapping;
import dev.closeout.integrations.tracker.StatusCategory;
import dev.closeout.integrations.tracker.TicketPage;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Jira Cloud and Jira Data Center do alike: the same paths below their API base, the same issue,
 * transition, property and remote-link shapes. The subclasses differ in how they name people, write
 * descriptions and page through searches.
 */
abstract sealed class JiraTracker implements IssueTracker permits JiraCloudTracker, JiraDataCenterTracker {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Jira's link type and resolution for a second ticket of the same work. */
    static final String DUPLICATE = "Duplicate";

    final JiraHttp http;
    final IssueReader issues;
    private final BulkCreate bulkCreate;

    JiraTracker(JiraHttp http) {
        this.http = http;
        this.issues = new IssueReader(this::user);
        this.bulkCreate = new BulkCreate(this::description, this::userReference);
    }

    /** A person as Jira describes them (myself, user search, assignee). */
    abstract TrackerUser user(JsonNode user);

    /** How a request names a person, from {@link TrackerUser#id()}. */
    abstract ObjectNode userReference(String id);

    /** The description in the flavour's markup. */
    abstract JsonNode description(Description description);

    /** One page of a JQL search with {@link IssueReader#FIELDS} and the action property; null token first. */
    abstract TicketPage search(String jql, String pageToken);

    @Override
    public TrackerUser currentUser() {
        return user(http.send(JiraRequest.get("myself")).body());
    }

    @Override
    public List<CreateOutcome> createTickets(List<NewTicket> tickets) {
        if (tickets.size() > MAX_BULK_CREATE) {
            throw new IllegalArgumentException("at most " + MAX_BULK_CREATE + " tickets per create, not "
                    + tickets.size());
        }
        if (tickets.isEmpty()) {
            return List.of();
        }
        JiraResponse response = http.send(JiraRequest.post("issue/bulk", bulkCreate.body(tickets),
                JiraRequest.Repeat.UNSAFE).answering(400));
        return BulkCreate.outcomes(response, tickets.size());
    }

    @Override
    public Optional<TicketState> ticket(String idOrKey) {
        JiraResponse response = http.send(JiraRequest.get(issuePath(idOrKey))
                .with("fields", IssueReader.FIELDS)
                .with("properties", JiraTrackers.PROPERTY_KEY)
                .answering(404));
        return response.status() == 404 ? Optional.empty() : Optional.of(issues.read(response.body()));
    }

    @Override
    public List<TicketState> ticketsLabelled(Collection<String> labels) {
        if (labels.isEmpty() || labels.size() > MAX_BULK_CREATE) {
            throw new IllegalArgumentException("1 to " + MAX_BULK_CREATE + " labels in one search, not " + labels.size());
        }
        String jql = "labels in (" + labels.stream().map(JiraTracker::quoted).collect(Collectors.joining(", ")) + ")";
        List<TicketState> tickets = new ArrayList<>();
        Set<String> tokensSeen = new HashSet<>();
        String token = null;
        do {
            TicketPage page = search(jql, token);
            tickets.addAll(page.tickets());
            token = page.nextPageToken();
            // a server handing out the same token again would otherwise keep us here for ever
        } while (token != null && tokensSeen.add(token));
        return tickets;
    }

    @Override
    public TicketPage updatedRecently(String label, int minutes, String pageToken) {
        if (minutes < 1) {
            throw new IllegalArgumentException("minutes must be at least 1, not " + minutes);
        }
        // quoted: a bare number would be read as milliseconds since the epoch
        return search("labels = " + quoted(label) + " AND updated >= \"-" + minutes + "m\" ORDER BY updated ASC",
                pageToken);
    }

    @Override
    public void claim(String idOrKey, List<String> labels, String propertyKey, long actionId) {
        if (!labels.isEmpty()) {
            ObjectNode body = NODES.objectNode();
            ArrayNode adds = body.putObject("update").putArray("labels");
            labels.forEach(label -> adds.addObject().put("add", label));
            http.send(JiraRequest.put(issuePath(idOrKey), body).about(idOrKey));
        }
        http.send(JiraRequest.put(issuePath(idOrKey) + "/properties/" + JiraRequest.segment(propertyKey),
                NODES.objectNode().put("actionId", actionId)).about(idOrKey));
    }

    @Override
    public void linkBack(String idOrKey, BackLink link) {
        ObjectNode body = NODES.objectNode().put("globalId", link.globalId());
        body.putObject("application").put("type", "dev.closeout").put("name", "Closeout");
        body.put("relationship", "follow-up of");
        ObjectNode object = body.putObject("object")
                .put("url", link.target().url())
                .put("title", link.target().title());
        if (link.summary() != null) {
            object.put("summary", link.summary());
        }
        object.putObject("status").put("resolved", link.resolved());
        // an upsert by globalId: sending it twice leaves one link
        http.send(JiraRequest.post(issuePath(idOrKey) + "/remotelink", body, JiraRequest.Repeat.SAFE)
                .about(idOrKey));
    }

    @Override
    public void setDueDate(String idOrKey, LocalDate due) {
        ObjectNode body = NODES.objectNode();
        body.putObject("fields").put("duedate", due == null ? null : due.toString());
        http.send(JiraRequest.put(issuePath(idOrKey), body).about(idOrKey));
    }

    /**
     * Assigns through {@code PUT issue/{key}/assignee}, which needs only the Assign permission. Unassigns by
     * editing the field instead: Jira reads {@code {"accountId": null}} as "unassign", but its own OpenAPI
     * schema types the id as a string, so a request checked against the spec would be refused.
     */
    @Override
    public void assign(String idOrKey, String userId) {
        if (userId == null) {
            ObjectNode body = NODES.objectNode();
            body.putObject("fields").putNull("assignee");
            http.send(JiraRequest.put(issuePath(idOrKey), body).about(idOrKey));
        } else {
            http.send(JiraRequest.put(issuePath(idOrKey) + "/assignee", userReference(userId)).about(idOrKey));
        }
    }

    @Override
    public boolean moveTo(String idOrKey, StatusCategory target, String resolution) {
        JsonNode now = http.send(JiraRequest.get(issuePath(idOrKey)).with("fields", "status").about(idOrKey)).body();
        if (IssueReader.category(now.path("fields").path("status").path("statusCategory").path("key").asText())
                == target) {
            return true;
        }
        JsonNode transitions = http.send(JiraRequest.get(issuePath(idOrKey) + "/transitions")
                .with("expand", "transitions.fields").about(idOrKey)).body();
        for (JsonNode transition : transitions.path("transitions")) {
            if (IssueReader.category(transition.path("to").path("statusCategory").path("key").asText()) == target) {
                ObjectNode body = NODES.objectNode();
                body.putObject("transition").put("id", transition.path("id").asText());
                if (resolution != null && transition.path("fields").has("resolution")) {
                    body.putObject("fields").putObject("resolution").put("name", resolution);
                }
                http.send(JiraRequest.post(issuePath(idOrKey) + "/transitions", body, JiraRequest.Repeat.UNSAFE)
                        .about(idOrKey));
                return true;
            }
        }
        return false;
    }

    /**
     * {@code POST issueLink} of type Duplicate from the duplicate (outward: "duplicates") to the kept ticket
     * (inward: "is duplicated by"), which Jira answers 201 also when the link exists; then the transition
     * into done, with the resolution Duplicate where the screen takes one.
     */
    @Override
    public void closeAsDuplicate(String duplicateIdOrKey, String keptIdOrKey) {
        ObjectNode body = NODES.objectNode();
        body.putObject("type").put("name", DUPLICATE);
        body.putObject("inwardIssue").put(idOrKeyField(keptIdOrKey), keptIdOrKey);
        body.putObject("outwardIssue").put(idOrKeyField(duplicateIdOrKey), duplicateIdOrKey);
        http.send(JiraRequest.post("issueLink", body, JiraRequest.Repeat.SAFE).about(duplicateIdOrKey));
        moveTo(duplicateIdOrKey, StatusCategory.DONE, DUPLICATE);
    }

    private static String idOrKeyField(String idOrKey) {
        return idOrKey.chars().allMatch(Character::isDigit) ? "id" : "key";
    }

    @Override
    public List<String> problemsWith(ProjectMapping mapping) {
        return new CreateScreenCheck(http).problems(mapping);
    }

    static String issuePath(String idOrKey) {
        return "issue/" + JiraRequest.segment(idOrKey);
    }

    /** A JQL string literal: quotes and backslashes inside escaped. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
