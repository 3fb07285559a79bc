package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeout.integrations.tracker.StatusCategory;
import dev.closeout.integrations.tracker.TicketRef;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerUser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads an issue of a get or a search (fields {@link #FIELDS}, property {@link JiraTrackers#PROPERTY_KEY}). */
final class IssueReader {

    /** The fields every read asks for: Jira's search returns only the id unless told otherwise. */
    static final String FIELDS = "summary,status,assignee,duedate,resolution,updated,labels";

    /** Jira's timestamps carry the site's offset without a colon (+0800), which ISO_OFFSET_DATE_TIME rejects. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Function<JsonNode, TrackerUser> users;

    /** @param users reads a user object; Cloud and Data Center name people differently */
    IssueReader(Function<JsonNode, TrackerUser> users) {
        this.users = users;
    }

    TicketState read(JsonNode issue) {
        JsonNode fields = issue.path("fields");
        JsonNode status = fields.path("status");
        JsonNode assignee = fields.path("assignee");
        return new TicketState(
                new TicketRef(issue.path("id").asText(), issue.path("key").asText()),
                category(status.path("statusCategory").path("key").asText()),
                text(status.path("name")),
                text(fields.path("resolution").path("name")),
                assignee.isObject() ? users.apply(assignee) : null,
                fields.path("duedate").isTextual() ? LocalDate.parse(fields.path("duedate").asText()) : null,
                fields.path("updated").isTextual() ? timestamp(fields.path("updated").asText()) : null,
                labels(fields.path("labels")),
                actionId(issue.path("properties").path(JiraTrackers.PROPERTY_KEY).path("actionId")));
    }

    static StatusCategory category(String key) {
        return switch (key) {
            case "new" -> StatusCategory.TO_DO;
            case "indeterminate" -> StatusCategory.IN_PROGRESS;
            case "done" -> StatusCategory.DONE;
            default -> StatusCategory.UNDEFINED;
        };
    }

    static Instant timestamp(String value) {
        return OffsetDateTime.parse(value, TIMESTAMP).toInstant();
    }

    /** The text of a node, or null when absent or JSON null. */
    static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static List<String> labels(JsonNode labels) {
        List<String> out = new ArrayList<>();
        labels.forEach(label -> out.add(label.asText()));
        return out;
    }

    /** The stamped action id; someone may have written the property by hand, so anything not a number is none. */
    private static Long actionId(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,18}")) {
            return Long.parseLong(value.asText());
        }
        return null;
    }
}
