package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** An error answer in Jira's ErrorCollection shape: {@code {"errorMessages":[...],"errors":{...}}}. */
final class JiraError extends RuntimeException {
    final int status;
    final ObjectNode body;

    private JiraError(int status, ObjectNode body) {
        super(body.toString(), null, false, false);
        this.status = status;
        this.body = body;
    }

    static JiraError fields(int status, Map<String, String> errors) {
        return new JiraError(status, collection(List.of(), errors));
    }

    static JiraError message(int status, String message) {
        return new JiraError(status, collection(List.of(message), Map.of()));
    }

    static JiraError notFound() {
        return message(404, "Issue does not exist or you do not have permission to see it.");
    }

    static ObjectNode collection(List<String> messages, Map<String, String> errors) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        messages.forEach(body.putArray("errorMessages")::add);
        if (messages.isEmpty()) {
            body.putArray("errorMessages");
        }
        ObjectNode e = body.putObject("errors");
        errors.forEach(e::put);
        return body;
    }
}
