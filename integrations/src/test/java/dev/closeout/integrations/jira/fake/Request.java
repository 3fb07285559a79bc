package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A received request as handlers see it: flavour, path parameters, query, JSON body. */
final class Request {
    final Api api;
    final List<String> pathParams;
    final Map<String, List<String>> query;
    final String body;

    Request(Api api, List<String> pathParams, Map<String, List<String>> query, String body) {
        this.api = api;
        this.pathParams = pathParams;
        this.query = query;
        this.body = body;
    }

    String param(int index) {
        return pathParams.get(index);
    }

    String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A list parameter, given repeated or comma-separated (Jira accepts both for fields and properties). */
    List<String> queryList(String name) {
        List<String> out = new ArrayList<>();
        query.getOrDefault(name, List.of()).forEach(v -> Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).forEach(out::add));
        return out;
    }

    int queryInt(String name, int defaultValue) {
        String v = query(name);
        return v == null ? defaultValue : Integer.parseInt(v);
    }

    JsonNode json() {
        if (body == null || body.isBlank()) {
            throw JiraError.message(400, "No content to map due to end-of-input");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw JiraError.message(400, "Unexpected character in the request body: " + e.getOriginalMessage());
        }
    }

    /** Values of a JSON array, or of a comma-separated string, as strings. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            Arrays.stream(node.asText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
