/**
 * The issue-tracker port: what Closeout asks of Jira (or any tracker) in Closeout's own records, and the
 * typed failures it can meet. Adapters live in {@code dev.closeout.integrations.jira}.
 */
package dev.closeout.integrations.tracker;
