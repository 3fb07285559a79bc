package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One call to Jira's REST API, relative to the API base ({@code /rest/api/3} or {@code /rest/api/2}).
 *
 * @param method   HTTP method
 * @param path     path below the API base, segments already encoded (see {@link #segment(String)})
 * @param query    query parameters in order, not yet encoded
 * @param body     JSON body, or null
 * @param repeat   whether sending it twice can do its work twice
 * @param answers  error statuses the caller reads as answers (404 for "no such ticket", 400 of a bulk create)
 * @param issue    the ticket the call is about, named when Jira answers 404; null for other calls
 */
record JiraRequest(String method, String path, Map<String, String> query, JsonNode body, Repeat repeat,
                   Set<Integer> answers, String issue) {

    /** How safe a call is to send again when its answer was lost or refused. */
    enum Repeat {
        /** Reads, PUTs and upserts: doing them twice leaves the same result. */
        SAFE,
        /**
         * Creates and transitions: repeated only when Jira says it did nothing (429, 503) or no connection
         * was made; a time-out or dropped connection after sending leaves the outcome unknown.
         */
        UNSAFE
    }

    JiraRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        answers = Set.copyOf(answers);
    }

    static JiraRequest get(String path) {
        return new JiraRequest("GET", path, Map.of(), null, Repeat.SAFE, Set.of(), null);
    }

    static JiraRequest put(String path, JsonNode body) {
        return new JiraRequest("PUT", path, Map.of(), body, Repeat.SAFE, Set.of(), null);
    }

    static JiraRequest post(String path, JsonNode body, Repeat repeat) {
        return new JiraRequest("POST", path, Map.of(), body, repeat, Set.of(), null);
    }

    JiraRequest with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new JiraRequest(method, path, more, body, repeat, answers, issue);
    }

    JiraRequest answering(Integer... statuses) {
        return new JiraRequest(method, path, query, body, repeat, Set.of(statuses), issue);
    }

    JiraRequest about(String idOrKey) {
        return new JiraRequest(method, path, query, body, repeat, answers, idOrKey);
    }

    /** The query string, each value percent-encoded (spaces as %20: JQL is full of them). */
    String encodedQuery() {
        StringBuilder out = new StringBuilder();
        query.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&")
                .append(name).append('=').append(encode(value)));
        return out.toString();
    }

    /** A path segment from a value Closeout was given (issue key, property key, project key). */
    static String segment(String value) {
        return encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
