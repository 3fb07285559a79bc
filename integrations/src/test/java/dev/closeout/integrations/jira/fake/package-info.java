/**
 * A fake Jira server for tests: {@link dev.closeout.integrations.jira.fake.FakeJira} serves Jira Cloud REST v3
 * ({@code /rest/api/3}) and Jira Data Center REST v2 ({@code /rest/api/2}) over real HTTP on 127.0.0.1, with one
 * in-memory store behind both. Behaviour follows the contract notes (shared/jira/CONTRACT.md); every request is checked
 * against Atlassian's OpenAPI spec, bundled under {@code src/test/resources/jira/}. Tests can seed projects and users,
 * edit tickets as a person in Jira would, inject faults per operationId, read the request log, and deliver signed
 * webhooks. Shared with other modules through the {@code closeout-integrations} test-jar.
 */
package dev.closeout.integrations.jira.fake;
