package dev.closeout.integrations.jira.fake;

/**
 * A link between two issues as {@code POST issueLink} makes it: of {@code type} (e.g. Duplicate), from the
 * outward issue ("duplicates") to the inward one ("is duplicated by").
 */
public record IssueLink(String type, String outwardIssueId, String inwardIssueId) {}
