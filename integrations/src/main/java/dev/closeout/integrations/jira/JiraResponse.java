package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jira's answer to one call.
 *
 * @param status  HTTP status
 * @param body    the JSON body, or a missing node when there was none (204) or it was not JSON
 */
record JiraResponse(int status, JsonNode body) {
}
