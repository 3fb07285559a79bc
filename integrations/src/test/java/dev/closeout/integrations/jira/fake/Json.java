package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one ObjectMapper the fake reads and writes Jira's JSON with. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}
}
