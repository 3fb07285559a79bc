package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;

/** What a handler answers: a status and an optional JSON body. */
record Response(int status, JsonNode body) {
    static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    static Response created(JsonNode body) {
        return new Response(201, body);
    }

    static Response noContent() {
        return new Response(204, null);
    }
}
