package dev.closeout.integrations.jira.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeJiraIssuesTest {
    private static final String DANA = "712020:5d1c1b0e-dana";

    private FakeJira jira;
    private TestClient cloud;

    @BeforeEach
    void start() {
        jira = FakeJira.start();
        jira.user(DANA, "Dana Kowalski", "dana@example.com");
        jira.project("OPS").components("database", "api");
        cloud = TestClient.cloud(jira);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void rejectsMissingOrWrongCredentialsWith401() {
        assertEquals(401, TestClient.withAuthorization(jira, null).get("/rest/api/3/myself").status());
        assertEquals(401, TestClient.withAuthorization(jira, "Basic d3Jvbmc6d3Jvbmc=").get("/rest/api/3/myself").status());
        // a PAT is not Cloud's credential, and basic is not DC's
        assertEquals(401, TestClient.withAuthorization(jira, TestClient.DC_AUTH).get("/rest/api/3/myself").status());
        assertEquals(401, TestClient.withAuthorization(jira, TestClient.CLOUD_AUTH).get("/rest/api/2/myself").status());
        assertEquals(200, cloud.get("/rest/api/3/myself").status());
        assertEquals(FakeJira.EMAIL, cloud.get("/rest/api/3/myself").json().get("emailAddress").asText());

        jira.setCredentialsValid(false);
        assertEquals(401, cloud.get("/rest/api/3/myself").status());
    }

    @Test
    void linksIssuesByTypeOnBothSidesOnceAndRefusesUnknownOnes() {
        String kept = cloud.post("/rest/api/3/issue", TestClient.createBody("Kept", "a", "b")).json().get("id").asText();
        String second = cloud.post("/rest/api/3/issue", TestClient.createBody("Second", "a", "b")).json().get("id").asText();
        ObjectNode link = Json.MAPPER.createObjectNode();
        link.putObject("type").put("name", "Duplicate");
        link.putObject("inwardIssue").put("key", "OPS-1");
        link.putObject("outwardIssue").put("id", second);

        assertEquals(201, cloud.post("/rest/api/3/issueLink", link).status());
        assertEquals(201, cloud.post("/rest/api/3/issueLink", link).status(), "an existing link is answered as created");

        IssueLink expected = new IssueLink("Duplicate", second, kept);
        assertEquals(java.util.List.of(expected), jira.issue(second).orElseThrow().issueLinks());
        assertEquals(java.util.List.of(expected), jira.issue(kept).orElseThrow().issueLinks());
        ((ObjectNode) link.get("type")).put("name", "Causes");
        assertEquals(404, cloud.post("/rest/api/3/issueLink", link).status());
        ((ObjectNode) link.get("type")).put("name", "Duplicate");
        ((ObjectNode) link.get("inwardIssue")).put("key", "OPS-999");
        assertEquals(404, cloud.post("/rest/api/3/issueLink", link).status());
    }

    @Test
    void createThenGetRoundTrips() {
        ObjectNode body = TestClient.createBody("Add alerting on replica lag", "postmortem-action", "pmai-7f3c9e2a");
        ObjectNode fields = (ObjectNode) body.get("fields");
        fields.putObject("priority").put("id", "2");
        fields.put("duedate", "2025-12-05");
        fields.putObject("assignee").put("accountId", DANA);
        fields.putArray("components").addObject().put("name", "database");
        body.putArray("properties").addObject().put("key", FakeJira.PROPERTY_KEY).putObject("value").put("actionItemId", "7f3c");

        TestClient.Reply created = cloud.post("/rest/api/3/issue", body);
        assertEquals(201, created.status(), created.body());
        assertEquals("10000", created.json().get("id").asText());
        assertEquals("OPS-1", created.json().get("key").asText());
        assertEquals(jira.baseUrl() + "/rest/api/3/issue/10000", created.json().get("self").asText());

        JsonNode issue = cloud.get("/rest/api/3/issue/OPS-1?fields=summary,status,assignee,duedate,priority,labels,components,updated"
                + "&properties=" + FakeJira.PROPERTY_KEY).json();
        JsonNode f = issue.get("fields");
        assertEquals("Add alerting on replica lag", f.get("summary").asText());
        assertEquals("new", f.at("/status/statusCategory/key").asText());
        assertEquals(DANA, f.at("/assignee/accountId").asText());
        assertEquals("2025-12-05", f.get("duedate").asText());
        assertEquals("High", f.at("/priority/name").asText());
        assertEquals("database", f.at("/components/0/name").asText());
        assertTrue(f.get("updated").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0800"), f.get("updated").asText());
        assertFalse(f.has("description"), "only the requested fields");
        assertEquals("7f3c", issue.at("/properties/" + FakeJira.PROPERTY_KEY + "/actionItemId").asText());

        FakeIssue stored = jira.issue("10000").orElseThrow();
        assertEquals("doc", stored.description().get("type").asText());
        assertEquals(LocalDate.of(2025, 12, 5), stored.dueDate());
    }

    @Test
    void getUnknownIssueIs404WithJirasMessage() {
        TestClient.Reply r = cloud.get("/rest/api/3/issue/OPS-999");
        assertEquals(404, r.status());
        assertEquals("Issue does not exist or you do not have permission to see it.", r.json().at("/errorMessages/0").asText());
    }

    @Test
    void fieldNotOnCreateScreenIsRejected() {
        jira.project("OPS").createScreen("project", "issuetype", "summary", "description", "labels");
        ObjectNode body = TestClient.createBody("x");
        ((ObjectNode) body.get("fields")).putObject("priority").put("id", "2");
        TestClient.Reply r = cloud.post("/rest/api/3/issue", body);
        assertEquals(400, r.status());
        assertEquals("Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.",
                r.json().at("/errors/priority").asText());
        assertEquals(0, jira.issueCount());
    }

    @Test
    void customFieldsNeedToBeOnTheScreen() {
        ObjectNode body = TestClient.createBody("x");
        ((ObjectNode) body.get("fields")).put("customfield_10050", "PM-1");
        assertEquals(400, cloud.post("/rest/api/3/issue", body).status());

        jira.project("OPS").createScreen("project", "issuetype", "summary", "description", "labels", "customfield_10050");
        assertEquals(201, cloud.post("/rest/api/3/issue", body).status());
        assertEquals("PM-1", jira.issue("OPS-1").orElseThrow().customFields().get("customfield_10050").asText());
    }

    @Test
    void descriptionMustBeAdfOnCloudAndWikiOnDataCenter() {
        ObjectNode plain = TestClient.createBody("x");
        ((ObjectNode) plain.get("fields")).put("description", "plain text");
        TestClient.Reply r = cloud.post("/rest/api/3/issue", plain);
        assertEquals(400, r.status());
        assertEquals(Adf.INVALID, r.json().at("/errors/description").asText());

        ObjectNode emptyText = TestClient.createBody("x");
        ((ObjectNode) emptyText.at("/fields/description/content/0/content/0")).put("text", "");
        assertEquals(400, cloud.post("/rest/api/3/issue", emptyText).status());

        ObjectNode linkWithoutHref = TestClient.createBody("x");
        ((ObjectNode) linkWithoutHref.at("/fields/description/content/0/content/1/marks/0/attrs")).remove("href");
        assertEquals(400, cloud.post("/rest/api/3/issue", linkWithoutHref).status());

        ObjectNode wrongVersion = TestClient.createBody("x");
        ((ObjectNode) wrongVersion.at("/fields/description")).put("version", 2);
        assertEquals(400, cloud.post("/rest/api/3/issue", wrongVersion).status());

        TestClient dc = TestClient.dataCenter(jira);
        assertEquals(400, dc.post("/rest/api/2/issue", TestClient.createBody("adf on dc")).status());
        TestClient.Reply created = dc.post("/rest/api/2/issue", plain);
        assertEquals(201, created.status(), created.body());
        assertEquals(jira.baseUrl() + "/rest/api/2/issue/10000", created.json().get("self").asText());
        assertEquals(0, jira.violations().size());
    }

    @Test
    void adfDescriptionReadsAsWikiMarkupOnV2() {
        cloud.post("/rest/api/3/issue", TestClient.createBody("x"));
        JsonNode v2 = TestClient.dataCenter(jira).get("/rest/api/2/issue/OPS-1?fields=description").json();
        assertEquals("See [the postmortem|https://pm.example.com/1]", v2.at("/fields/description").asText());
    }

    @Test
    void validatesLabelsPriorityComponentsAndAssignee() {
        jira.user("712020:eve", "Eve Outsider", "eve@example.com");
        jira.project("OPS").assignable(DANA);
        assertEquals("The label 'needs review' contains spaces which is invalid.",
                createError(TestClient.createBody("x", "needs review"), "labels"));
        ObjectNode badPriority = TestClient.createBody("x");
        ((ObjectNode) badPriority.get("fields")).putObject("priority").put("name", "Urgent");
        assertTrue(createError(badPriority, "priority") != null);
        ObjectNode badComponent = TestClient.createBody("x");
        ((ObjectNode) badComponent.get("fields")).putArray("components").addObject().put("id", "99999");
        assertTrue(createError(badComponent, "components") != null);
        ObjectNode unassignable = TestClient.createBody("x");
        ((ObjectNode) unassignable.get("fields")).putObject("assignee").put("accountId", "712020:eve");
        assertEquals("User '712020:eve' cannot be assigned issues.", createError(unassignable, "assignee"));
        assertEquals(0, jira.issueCount());
    }

    private String createError(ObjectNode body, String field) {
        TestClient.Reply r = cloud.post("/rest/api/3/issue", body);
        assertEquals(400, r.status(), r.body());
        return r.json().at("/errors/" + field).isMissingNode() ? null : r.json().at("/errors/" + field).asText();
    }

    @Test
    void bulkCreateReportsFailedElementsByIndex() {
        ObjectNode bulk = Json.MAPPER.createObjectNode();
        ArrayNode updates = bulk.putArray("issueUpdates");
        updates.add(TestClient.createBody("first"));
        updates.add(TestClient.createBody("second", "has space"));
        updates.add(TestClient.createBody("third"));
        ((ObjectNode) updates.get(2).get("fields")).put("description", "not adf");
        updates.add(TestClient.createBody("fourth"));

        TestClient.Reply r = cloud.post("/rest/api/3/issue/bulk", bulk);
        assertEquals(201, r.status(), r.body());
        JsonNode json = r.json();
        assertEquals(2, json.get("issues").size());
        assertEquals("OPS-1", json.at("/issues/0/key").asText());
        assertEquals("OPS-2", json.at("/issues/1/key").asText());
        assertEquals(1, json.at("/errors/0/failedElementNumber").asInt());
        assertTrue(json.at("/errors/0/elementErrors/errors").has("labels"));
        assertEquals(2, json.at("/errors/1/failedElementNumber").asInt());
        assertEquals(400, json.at("/errors/1/status").asInt());
        assertEquals("fourth", jira.issue("OPS-2").orElseThrow().summary());
    }

    @Test
    void bulkCreateWhereAllFailIs400AndMoreThan50Is400() {
        ObjectNode bulk = Json.MAPPER.createObjectNode();
        bulk.putArray("issueUpdates").add(TestClient.createBody("bad", "a b"));
        TestClient.Reply allFailed = cloud.post("/rest/api/3/issue/bulk", bulk);
        assertEquals(400, allFailed.status());
        assertEquals(0, allFailed.json().get("issues").size());
        assertEquals(0, allFailed.json().at("/errors/0/failedElementNumber").asInt());

        ObjectNode tooMany = Json.MAPPER.createObjectNode();
        ArrayNode updates = tooMany.putArray("issueUpdates");
        for (int i = 0; i < 51; i++) {
            updates.add(TestClient.createBody("n" + i));
        }
        TestClient.Reply r = cloud.post("/rest/api/3/issue/bulk", tooMany);
        assertEquals(400, r.status());
        assertFalse(r.json().get("errorMessages").isEmpty());
        assertEquals(0, jira.issueCount());
    }

    @Test
    void editAndAssignBumpUpdated() throws Exception {
        cloud.post("/rest/api/3/issue", TestClient.createBody("x", "a"));
        FakeIssue issue = jira.issue("OPS-1").orElseThrow();
        var before = issue.updated();
        TestClient.Reply edit = cloud.put("/rest/api/3/issue/OPS-1",
                TestClient.json("{'fields':{'duedate':'2026-01-10','summary':'renamed'},'update':{'labels':[{'add':'b'}]}}"));
        assertEquals(204, edit.status(), edit.body());
        assertEquals("renamed", issue.summary());
        assertEquals(LocalDate.of(2026, 1, 10), issue.dueDate());
        assertEquals(java.util.List.of("a", "b"), issue.labels());
        assertTrue(issue.updated().isAfter(before));

        assertEquals(204, cloud.put("/rest/api/3/issue/OPS-1/assignee", TestClient.json("{'accountId':'" + DANA + "'}")).status());
        assertEquals(DANA, issue.assigneeAccountId());
        assertEquals(204, cloud.put("/rest/api/3/issue/OPS-1/assignee", TestClient.json("{'accountId':null}")).status());
        assertNull(issue.assigneeAccountId());
        assertEquals(400, cloud.put("/rest/api/3/issue/OPS-1/assignee", TestClient.json("{'accountId':'nobody'}")).status());
    }

    @Test
    void propertiesAre201Then200AndMissingIs404() {
        cloud.post("/rest/api/3/issue", TestClient.createBody("x"));
        String path = "/rest/api/3/issue/OPS-1/properties/" + FakeJira.PROPERTY_KEY;
        assertEquals(404, cloud.get(path).status());
        assertEquals(201, cloud.put(path, TestClient.json("{'v':1}")).status());
        assertEquals(200, cloud.put(path, TestClient.json("{'v':2}")).status());
        TestClient.Reply got = cloud.get(path);
        assertEquals(FakeJira.PROPERTY_KEY, got.json().get("key").asText());
        assertEquals(2, got.json().at("/value/v").asInt());
        assertEquals(404, cloud.put("/rest/api/3/issue/OPS-9/properties/k", TestClient.json("{'v':1}")).status());
    }

    @Test
    void remoteLinksUpsertByGlobalId() {
        cloud.post("/rest/api/3/issue", TestClient.createBody("x"));
        String path = "/rest/api/3/issue/OPS-1/remotelink";
        ObjectNode link = TestClient.json("{'globalId':'pm=PM-1&ai=3','relationship':'follow-up of',"
                + "'object':{'url':'https://pm.example.com/1','title':'PM-1'}}");
        TestClient.Reply first = cloud.post(path, link);
        assertEquals(201, first.status(), first.body());
        assertTrue(first.json().get("id").isInt());
        link.remove("relationship");
        ((ObjectNode) link.get("object")).put("title", "PM-1 renamed");
        TestClient.Reply second = cloud.post(path, link);
        assertEquals(200, second.status());
        assertEquals(first.json().get("id").asInt(), second.json().get("id").asInt());

        JsonNode single = cloud.get(path + "?globalId=pm%3DPM-1%26ai%3D3").json();
        assertTrue(single.isObject());
        assertEquals("PM-1 renamed", single.at("/object/title").asText());
        assertTrue(single.get("relationship").isNull(), "omitted fields are nulled by the upsert");
        assertEquals(1, cloud.get(path).json().size());
        assertEquals(1, jira.issue("OPS-1").orElseThrow().remoteLinks().size());

        assertEquals(204, cloud.delete(path + "?globalId=pm%3DPM-1%26ai%3D3").status());
        assertEquals(0, cloud.get(path).json().size());
    }

    @Test
    void transitionsDependOnCurrentStatusAndSetResolution() {
        cloud.post("/rest/api/3/issue", TestClient.createBody("x"));
        JsonNode list = cloud.get("/rest/api/3/issue/OPS-1/transitions?expand=transitions.fields").json().get("transitions");
        assertEquals(2, list.size(), "To Do offers In Progress and Done");
        JsonNode done = list.get(1);
        assertEquals("31", done.get("id").asText());
        assertEquals("done", done.at("/to/statusCategory/key").asText());
        assertTrue(done.at("/fields/resolution").isObject());

        assertEquals(400, cloud.post("/rest/api/3/issue/OPS-1/transitions", TestClient.json("{'transition':{'id':'11'}}")).status());
        ObjectNode close = TestClient.json("{'transition':{'id':'31'},'fields':{'resolution':{}}}");
        ((ObjectNode) close.at("/fields/resolution")).put("name", "Won't Do");
        assertEquals(204, cloud.post("/rest/api/3/issue/OPS-1/transitions", close).status());
        FakeIssue issue = jira.issue("OPS-1").orElseThrow();
        assertEquals("done", issue.statusCategoryKey());
        assertEquals("Won't Do", issue.resolution());

        assertEquals(204, cloud.post("/rest/api/3/issue/OPS-1/transitions", TestClient.json("{'transition':{'id':'11'}}")).status());
        assertEquals("To Do", issue.statusName());
        assertNull(issue.resolution());
        assertEquals(400, cloud.post("/rest/api/3/issue/OPS-1/transitions",
                TestClient.json("{'transition':{'id':'21'},'fields':{'resolution':{'name':'Done'}}}")).status());
    }

    @Test
    void movedIssueKeepsIdAndOldKeyResolves() {
        cloud.post("/rest/api/3/issue", TestClient.createBody("x"));
        jira.moveIssue("OPS-1", "SRE");
        JsonNode moved = cloud.get("/rest/api/3/issue/OPS-1?fields=project").json();
        assertEquals("10000", moved.get("id").asText());
        assertEquals("SRE-1", moved.get("key").asText());
        assertEquals("SRE", moved.at("/fields/project/key").asText());
        assertEquals("SRE-1", jira.issue("OPS-1").orElseThrow().key());
    }

    @Test
    void createMetaListsScreenFieldsWithAllowedValues() {
        JsonNode types = cloud.get("/rest/api/3/issue/createmeta/OPS/issuetypes").json();
        assertEquals("10002", types.at("/issueTypes/0/id").asText());
        JsonNode meta = cloud.get("/rest/api/3/issue/createmeta/OPS/issuetypes/10002").json().get("fields");
        JsonNode priority = null;
        for (JsonNode f : meta) {
            if (f.get("fieldId").asText().equals("priority")) {
                priority = f;
            }
        }
        assertEquals(5, priority.get("allowedValues").size());
        assertEquals(404, cloud.get("/rest/api/3/issue/createmeta/OPS/issuetypes/1").status());
        assertEquals("OPS", cloud.get("/rest/api/3/project/OPS").json().get("key").asText());
        assertEquals(4, cloud.get("/rest/api/3/statuscategory").json().size());
    }

    @Test
    void dataCenterAssignsByUsernameAndRendersInTheSiteZone() {
        jira.siteZone(java.time.ZoneOffset.UTC);
        ObjectNode body = TestClient.json("{'fields':{'project':{'key':'OPS'},'issuetype':{'name':'Task'},'summary':'dc',"
                + "'description':'See [PM-1|https://pm.example.com/1]','assignee':{'name':'dana'}}}");
        TestClient dc = TestClient.dataCenter(jira);
        assertEquals(201, dc.post("/rest/api/2/issue", body).status());
        JsonNode issue = dc.get("/rest/api/2/issue/OPS-1?fields=assignee,updated,description").json();
        assertEquals("dana", issue.at("/fields/assignee/name").asText());
        assertTrue(issue.at("/fields/updated").asText().endsWith("+0000"));
        assertEquals(DANA, jira.issue("OPS-1").orElseThrow().assigneeAccountId());
        assertEquals("See [PM-1|https://pm.example.com/1]", issue.at("/fields/description").asText());
    }
}
