package dev.closeout.integrations.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.closeout.integrations.tracker.CreateOutcome;
import dev.closeout.integrations.tracker.Description;
import dev.closeout.integrations.tracker.InvalidFieldsException;
import dev.closeout.integrations.tracker.NewTicket;
import dev.closeout.integrations.tracker.TicketRef;
import dev.closeout.integrations.tracker.TrackerUnavailableException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The body of {@code POST issue/bulk} and the reading of its answer. Jira lists the created issues in
 * request order without their index and the failures with a 0-based {@code failedElementNumber}, so the
 * outcomes are put back in order by skipping the failed indexes.
 */
final class BulkCreate {

    /** Jira's limit on a summary; longer ones are refused. */
    static final int SUMMARY_LIMIT = 255;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Function<Description, JsonNode> descriptions;
    private final Function<String, ObjectNode> users;

    /**
     * @param descriptions  renders a description in the flavour's markup
     * @param users         a user reference from a {@code TrackerUser#id()}
     */
    BulkCreate(Function<Description, JsonNode> descriptions, Function<String, ObjectNode> users) {
        this.descriptions = descriptions;
        this.users = users;
    }

    ObjectNode body(List<NewTicket> tickets) {
        ObjectNode body = NODES.objectNode();
        ArrayNode updates = body.putArray("issueUpdates");
        tickets.forEach(ticket -> updates.add(issue(ticket)));
        return body;
    }

    private ObjectNode issue(NewTicket ticket) {
        ObjectNode issue = NODES.objectNode();
        ObjectNode fields = issue.putObject("fields");
        fields.putObject("project").put("key", ticket.project());
        fields.putObject("issuetype").put("name", ticket.issueType());
        fields.put("summary", summary(ticket.summary()));
        if (ticket.description() != null) {
            fields.set("description", descriptions.apply(ticket.description()));
        }
        ArrayNode labels = fields.putArray("labels");
        ticket.labels().forEach(labels::add);
        if (ticket.priority() != null) {
            fields.putObject("priority").put("name", ticket.priority());
        }
        if (ticket.due() != null) {
            fields.put("duedate", ticket.due().toString());
        }
        if (ticket.assigneeId() != null) {
            fields.set("assignee", users.apply(ticket.assigneeId()));
        }
        if (!ticket.components().isEmpty()) {
            ArrayNode components = fields.putArray("components");
            ticket.components().forEach(name -> components.addObject().put("name", name));
        }
        ticket.customFields().forEach((field, json) -> fields.set(field, customValue(field, json)));
        issue.putArray("properties").addObject()
                .put("key", ticket.propertyKey())
                .putObject("value").put("actionId", ticket.actionId());
        return issue;
    }

    /** One line of at most {@link #SUMMARY_LIMIT} characters, not cutting a character in two. */
    static String summary(String summary) {
        String line = summary.replaceAll("\\s+", " ").strip();
        if (line.length() <= SUMMARY_LIMIT) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(SUMMARY_LIMIT - 1)) ? SUMMARY_LIMIT - 1 : SUMMARY_LIMIT;
        return line.substring(0, end);
    }

    private static JsonNode customValue(String field, String json) {
        try {
            return JiraHttp.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the value of custom field " + field + " is not JSON", e);
        }
    }

    /**
     * One outcome per ticket, in order, from a 201 (some created) or a 400 (none created).
     *
     * @throws InvalidFieldsException when a 400 names no failed element: Jira refused the request as a whole
     */
    static List<CreateOutcome> outcomes(JiraResponse response, int count) {
        JsonNode body = response.body();
        Map<Integer, InvalidFieldsException> failures = new HashMap<>();
        for (JsonNode error : body.path("errors")) {
            JsonNode element = error.path("elementErrors");
            failures.put(error.path("failedElementNumber").asInt(-1), new InvalidFieldsException(
                    error.path("status").asInt(400), JiraErrors.fieldErrors(element), JiraErrors.messages(element)));
        }
        if (response.status() == 400 && failures.isEmpty()) {
            throw new InvalidFieldsException(400, JiraErrors.fieldErrors(body), JiraErrors.messages(body));
        }
        Iterator<JsonNode> created = body.path("issues").iterator();
        List<CreateOutcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            InvalidFieldsException failure = failures.get(i);
            if (failure != null) {
                outcomes.add(new CreateOutcome.Rejected(failure));
            } else if (response.status() == 400) {
                // nothing was created; Jira named other elements only
                outcomes.add(new CreateOutcome.Rejected(new InvalidFieldsException(400, Map.of(),
                        List.of("Jira refused the whole request"))));
            } else if (created.hasNext()) {
                JsonNode issue = created.next();
                outcomes.add(new CreateOutcome.Created(
                        new TicketRef(issue.path("id").asText(), issue.path("key").asText())));
            } else {
                throw new TrackerUnavailableException("Jira's answer to a bulk create lists fewer issues than it"
                        + " created; the tickets may exist", response.status(), true, null);
            }
        }
        return outcomes;
    }
}
