package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeJiraSearchTest {
    private FakeJira jira;
    private TestClient cloud;

    @BeforeEach
    void start() {
        jira = FakeJira.start();
        cloud = TestClient.cloud(jira);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    /** Creates {@code n} issues through bulk create, 50 per request. */
    private void create(int n, String... labels) {
        for (int done = 0; done < n; ) {
            ObjectNode bulk = Json.MAPPER.createObjectNode();
            var updates = bulk.putArray("issueUpdates");
            for (int i = 0; i < IssueResource.BULK_LIMIT && done < n; i++, done++) {
                updates.add(TestClient.createBody("issue " + done, labels));
            }
            assertEquals(201, cloud.post("/rest/api/3/issue/bulk", bulk).status());
        }
    }

    private static String q(String jql) {
        return URLEncoder.encode(jql, StandardCharsets.UTF_8);
    }

    @Test
    void pagesWithTokensAndOmitsTheTokenOnTheLastPage() {
        create(5, "postmortem-action");
        List<String> keys = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ObjectNode body = TestClient.json("{'jql':'project = OPS AND labels = \\'postmortem-action\\' ORDER BY key ASC',"
                    + "'maxResults':2,'fields':['summary','updated']}");
            if (token != null) {
                body.put("nextPageToken", token);
            }
            JsonNode page = cloud.post("/rest/api/3/search/jql", body).json();
            pages++;
            page.get("issues").forEach(i -> keys.add(i.get("key").asText()));
            token = page.has("nextPageToken") ? page.get("nextPageToken").asText() : null;
            assertEquals(token == null, page.get("isLast").asBoolean());
            assertFalse(page.has("total"));
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(List.of("OPS-1", "OPS-2", "OPS-3", "OPS-4", "OPS-5"), keys);
    }

    @Test
    void defaultFieldsAreIdOnlyAndPropertiesCanBeRequested() {
        create(1);
        cloud.put("/rest/api/3/issue/OPS-1/properties/" + FakeJira.PROPERTY_KEY, TestClient.json("{'a':1}"));
        JsonNode issue = cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS")).json().at("/issues/0");
        assertEquals("10000", issue.get("id").asText());
        assertFalse(issue.has("fields"));
        JsonNode withProps = cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS") + "&fields=key&properties="
                + FakeJira.PROPERTY_KEY).json().at("/issues/0");
        assertEquals(1, withProps.at("/properties/" + FakeJira.PROPERTY_KEY + "/a").asInt());
    }

    @Test
    void pageSizeIsCappedWhenFieldsAreRequested() {
        create(SearchResource.PAGE_CAP_WITH_FIELDS + 1);
        JsonNode page = cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS") + "&maxResults=500&fields=summary").json();
        assertEquals(SearchResource.PAGE_CAP_WITH_FIELDS, page.get("issues").size());
        assertFalse(page.get("isLast").asBoolean());
    }

    @Test
    void oldSearchIsGone() {
        TestClient.Reply r = cloud.get("/rest/api/3/search?jql=" + q("project = OPS"));
        assertEquals(410, r.status());
        assertEquals(SearchResource.REMOVED, r.json().at("/errorMessages/0").asText());
    }

    @Test
    void unboundedAndUnparseableJqlAre400() {
        TestClient.Reply unbounded = cloud.get("/rest/api/3/search/jql?jql=" + q("ORDER BY key DESC"));
        assertEquals(400, unbounded.status());
        assertTrue(unbounded.json().at("/errorMessages/0").asText().startsWith("Unbounded JQL"));
        assertEquals(400, cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS AND")).status());
        assertEquals(400, cloud.get("/rest/api/3/search/jql?jql=" + q("priority = High")).status());
        assertEquals(400, cloud.get("/rest/api/3/search/jql?jql=" + q("project = NOPE")).status());
    }

    @Test
    void filtersByRelativeAndAbsoluteUpdated() {
        create(2, "pm");
        JsonNode recent = cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS AND labels = pm AND updated >= \"-15m\"")
                + "&fields=updated").json();
        assertEquals(2, recent.get("issues").size());
        JsonNode future = cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS AND updated >= \"+1d\"")).json();
        assertEquals(0, future.get("issues").size());
        JsonNode absolute = cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS AND updated >= \"2020/01/01 00:00\"")).json();
        assertEquals(2, absolute.get("issues").size());
        // an unquoted bare number is epoch milliseconds, as Atlassian warns
        JsonNode epoch = cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS AND updated >= 4102444800000")).json();
        assertEquals(0, epoch.get("issues").size(), "2100-01-01 as epoch millis");
    }

    @Test
    void labelsInAndKeyInMatch() {
        create(1, "a");
        create(1, "b");
        create(1, "c");
        JsonNode in = cloud.get("/rest/api/3/search/jql?jql=" + q("labels in (\"a\",\"c\") AND project in (OPS)") + "&fields=key").json();
        assertEquals(2, in.get("issues").size());
        JsonNode keys = cloud.get("/rest/api/3/search/jql?jql=" + q("key in (OPS-2, OPS-3) ORDER BY key DESC") + "&fields=key").json();
        assertEquals("OPS-3", keys.at("/issues/0/key").asText());
    }

    @Test
    void searchLagHidesFreshIssuesUnlessReconciled() {
        jira.searchLag(Duration.ofMinutes(1));
        create(1);
        assertEquals(0, cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS")).json().get("issues").size());
        JsonNode reconciled = cloud.get("/rest/api/3/search/jql?jql=" + q("project = OPS") + "&reconcileIssues=10000").json();
        assertEquals(1, reconciled.get("issues").size());
    }

    @Test
    void aSearchLagInSearchesHidesANewIssueFromThatManySearches() {
        jira.searchLagInSearches(2);
        create(1);
        String search = "/rest/api/3/search/jql?jql=" + q("project = OPS");

        assertEquals(0, cloud.get(search).json().get("issues").size());
        assertEquals(0, cloud.get(search).json().get("issues").size());
        assertEquals(1, cloud.get(search).json().get("issues").size());
    }

    @Test
    void dataCenterSearchPagesByStartAtWithTotal() {
        create(3);
        TestClient dc = TestClient.dataCenter(jira);
        JsonNode page = dc.get("/rest/api/2/search?jql=" + q("project = OPS ORDER BY created ASC") + "&startAt=1&maxResults=1").json();
        assertEquals(3, page.get("total").asInt());
        assertEquals(1, page.get("startAt").asInt());
        assertEquals("OPS-2", page.at("/issues/0/key").asText());
        assertTrue(page.at("/issues/0/fields/description").isTextual(), "v2 descriptions are wiki markup");
        JsonNode post = dc.post("/rest/api/2/search", TestClient.json("{'jql':'project = OPS','startAt':0,'maxResults':10}")).json();
        assertEquals(3, post.get("issues").size());
    }
}
