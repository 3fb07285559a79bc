package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;

/** A remote issue link as stored: Jira's integer id plus the request body it was last upserted with. */
public record RemoteLink(int id, String globalId, String url, String title, String relationship, JsonNode request) {}
