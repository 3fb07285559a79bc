/**
 * The Jira adapters of the issue-tracker port: {@link dev.closeout.integrations.jira.JiraTrackers#connect}
 * makes a Jira Cloud (REST v3) or Jira Data Center (REST v2) {@link dev.closeout.integrations.tracker.IssueTracker}
 * from a {@link dev.closeout.integrations.jira.JiraConnection}.
 *
 * <p>Both share one HTTP layer ({@code JiraHttp}). Reads, PUTs, property writes and remote-link upserts are
 * repeated after 429/503 (waiting {@code Retry-After}), 500/502/504, time-outs and connection failures.
 * Creates and transitions are repeated only when no connection opened or Jira answered 429 or 503, which it
 * does before any work; any other failure after sending them is reported with
 * {@code outcomeUnknown}, and the caller looks for the ticket by its label before creating it again.
 */
package dev.closeout.integrations.jira;
