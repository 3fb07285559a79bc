package dev.closeout.jira;

import dev.closeout.integrations.jira.fake.FakeIssue;
import dev.closeout.integrations.jira.fake.FakeJira;
import dev.closeout.integrations.jira.fake.RecordedRequest;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same sync against Jira Data Center: REST v2, a personal access token, wiki-markup descriptions. */
class JiraDataCenterSyncTest extends JiraApiTestBase {

    @Override
    protected Map<String, String> jiraProperties() {
        Map<String, String> properties = super.jiraProperties();
        properties.remove("closeout.jira.email");
        properties.remove("closeout.jira.api-token");
        properties.put("closeout.jira.flavour", "data-center");
        properties.put("closeout.jira.personal-access-token", FakeJira.PAT);
        return properties;
    }

    @Test
    void ticketsAreCreatedThroughRestV2WithABearerTokenAndWikiMarkup() {
        List<Long> ids = importActions("dc.md", postmortem("Data center outage", 2));
        jira.resetRequests();

        syncUntilSettled(3);

        assertOneIssueEach(ids);
        FakeIssue issue = issuesOf(ids.get(0)).get(0);
        assertTrue(issue.description().isTextual(), "wiki markup, not ADF: " + issue.description());
        assertTrue(issue.description().asText().contains("|http"), issue.description().asText());
        for (RecordedRequest request : jira.requests()) {
            assertTrue(request.path().startsWith("/rest/api/2/"), request.path());
            assertEquals("Bearer " + FakeJira.PAT, request.header("Authorization"));
        }
    }

    @Test
    void reconciliationReadsChangesBackThroughV2Search() {
        long id = importActions("dc-reconcile.md", postmortem("Data center reconcile", 1)).get(0);
        syncUntilSettled(3);
        jira.personTransitions(issuesOf(id).get(0).key(), "done", "Duplicate");
        jira.drainWebhooks();

        client.retrieve(HttpRequest.POST("/api/integrations/jira/reconcile", "").bearerAuth(ADMIN), JSON_OBJECT);

        assertEquals("not_doing", getJson("/api/actions/" + id).get("status"));
        assertTrue(jira.requests().stream().anyMatch(r -> r.path().equals("/rest/api/2/search")));
    }
}
