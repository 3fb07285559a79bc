/**
 * Adapters to external systems. The only place that knows an external API's payloads: the application
 * talks to issue trackers through a port with Closeout's own records and typed errors (see
 * docs/architecture.md). The Jira adapters arrive with the Jira sync work.
 */
package dev.closeout.integrations;
