package dev.closeout.integrations.jira.fake;

import java.util.List;
import java.util.Map;

/**
 * One request the fake received. {@code operationId} is the spec's name for the route (null for unknown paths);
 * {@code status} is what was answered, or -1 when the response was deliberately lost.
 */
public record RecordedRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body,
        String operationId,
        int status) {

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
