package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeout.integrations.tracker.InvalidFieldsException;
import dev.closeout.integrations.tracker.RateLimitedException;
import dev.closeout.integrations.tracker.TicketNotFoundException;
import dev.closeout.integrations.tracker.TrackerAuthException;
import dev.closeout.integrations.tracker.TrackerException;
import dev.closeout.integrations.tracker.TrackerUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Jira's refusals into the port's typed errors. Messages name the call and the status in plain words
 * and quote only Jira's own error text, never a request header, so no credential can leak through them.
 */
final class JiraErrors {

    private final String credentialSettings;

    /** @param credentialSettings the settings to check when Jira refuses the credentials */
    JiraErrors(String credentialSettings) {
        this.credentialSettings = credentialSettings;
    }

    /** The error for a final answer that is neither a success nor one the caller reads itself. */
    TrackerException refused(String call, JiraRequest request, JiraResponse response, Duration retryAfter,
                             int attempts) {
        int status = response.status();
        JsonNode body = response.body();
        return switch (status) {
            case 401 -> new TrackerAuthException(
                    "Jira refused the credentials (401) for " + call + ": check " + credentialSettings, 401);
            case 403 -> new TrackerAuthException("Jira denied the configured account permission (403) for " + call
                    + withReasons(messages(body), fieldErrors(body)), 403);
            case 404 -> new TicketNotFoundException(request.issue() == null ? call : request.issue());
            case 409 -> new TrackerUnavailableException("Jira reported a conflicting change (409) for " + call
                    + withReasons(messages(body), fieldErrors(body)), 409, false, null);
            case 429 -> new RateLimitedException("Jira kept limiting the rate (429) of " + call + " after "
                    + tries(attempts), retryAfter);
            default -> status >= 500
                    ? serverError(call, request, status, attempts)
                    : status >= 400
                    ? new InvalidFieldsException(status, fieldErrors(body), messages(body))
                    : new TrackerUnavailableException("Jira answered an unexpected " + status + " for " + call,
                    status, false, null);
        };
    }

    private static TrackerUnavailableException serverError(String call, JiraRequest request, int status,
                                                           int attempts) {
        // Jira answers 503 before doing any work (overload); other 5xx may come after a write began
        boolean unknown = request.repeat() == JiraRequest.Repeat.UNSAFE && status != 503;
        return new TrackerUnavailableException("Jira failed (" + status + ") on " + call + " after " + tries(attempts)
                + (unknown ? "; the request may have been carried out" : ""),
                status, unknown, null);
    }

    /** "1 try", "3 tries". */
    static String tries(int count) {
        return count + (count == 1 ? " try" : " tries");
    }

    /** Jira's {@code errors} map (field id → message) of an ErrorCollection, empty when there is none. */
    static Map<String, String> fieldErrors(JsonNode errorCollection) {
        Map<String, String> errors = new LinkedHashMap<>();
        errorCollection.path("errors").fields()
                .forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
        return errors;
    }

    /** Jira's {@code errorMessages}, plus the {@code message} some Data Center refusals carry instead. */
    static List<String> messages(JsonNode errorCollection) {
        List<String> messages = new ArrayList<>();
        errorCollection.path("errorMessages").forEach(m -> messages.add(m.asText()));
        if (errorCollection.path("message").isTextual()) {
            messages.add(errorCollection.path("message").asText());
        }
        return messages;
    }

    private static String withReasons(List<String> messages, Map<String, String> fieldErrors) {
        List<String> reasons = new ArrayList<>(messages);
        fieldErrors.forEach((field, message) -> reasons.add(field + ": " + message));
        return reasons.isEmpty() ? "" : ": " + String.join("; ", reasons);
    }
}
