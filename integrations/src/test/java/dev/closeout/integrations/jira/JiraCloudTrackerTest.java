package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeout.integrations.tracker.BackLink;
import dev.closeout.integrations.tracker.CreateOutcome;
import dev.closeout.integrations.tracker.Description;
import dev.closeout.integrations.tracker.InvalidFieldsException;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.NewTicket;
import dev.closeout.integrations.tracker.StatusCategory;
import dev.closeout.integrations.tracker.TicketPage;
import dev.closeout.integrations.tracker.TicketRef;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerAuthException;
import dev.closeout.integrations.tracker.TrackerUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JiraCloudTrackerTest {

    static final String TOKEN = "ATATT-secret-token";

    private final StubJira jira = StubJira.start();
    private final IssueTracker tracker = JiraTrackers.connect(
            JiraConnection.cloud(jira.baseUrl(), "ops@example.com", TOKEN), pause -> { });

    @AfterEach
    void stop() {
        jira.close();
    }

    static NewTicket ticket(String summary, String priority, long actionId) {
        Description description = new Description(List.of("Replica lag went unnoticed for *40 minutes*.",
                "First line\nsecond line", " "), new BackLink.Target("postmortem PM-118", "https://closeout.example/pm/118"));
        return new NewTicket("OPS", "Task", summary, description, List.of("closeout", "closeout-" + actionId),
                priority, LocalDate.of(2025, 12, 5), "712020:abc", List.of("database"),
                Map.of("customfield_10050", "{\"value\":\"Checkout\"}"), JiraTrackers.PROPERTY_KEY, actionId);
    }

    @Test
    void sendsBasicCredentialsAndJson() {
        jira.answer("GET", "/rest/api/3/myself", 200,
                "{\"accountId\":\"712020:abc\",\"displayName\":\"Closeout bot\",\"active\":true}");

        assertEquals(new TrackerUser("712020:abc", "Closeout bot", null), tracker.currentUser());

        StubJira.Received request = jira.one("GET", "/rest/api/3/myself");
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString(("ops@example.com:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, request.headers().get("authorization"));
        assertEquals("application/json", request.headers().get("accept"));
    }

    @Test
    void refusedCredentialsNameTheSettingsButNotTheToken() {
        jira.answer("GET", "/rest/api/3/myself", 401, "Unauthorized; token " + TOKEN + " rejected");

        TrackerAuthException e = assertThrows(TrackerAuthException.class, tracker::currentUser);

        assertEquals(401, e.status());
        assertEquals("Jira refused the credentials (401) for GET /rest/api/3/myself: check closeout.jira.email"
                + " and closeout.jira.api-token", e.getMessage());
        assertEquals(1, jira.received().size(), "a 401 is not retried");
    }

    @Test
    void createsInBulkWithAnAtlassianDocument() {
        jira.answer("POST", "/rest/api/3/issue/bulk", 201,
                "{\"issues\":[{\"id\":\"10482\",\"key\":\"OPS-1274\",\"self\":\"x\"}],\"errors\":[]}");

        List<CreateOutcome> outcomes = tracker.createTickets(List.of(ticket("Add\nalerting  on lag", "High", 7)));

        assertEquals(List.of(new CreateOutcome.Created(new TicketRef("10482", "OPS-1274"))), outcomes);
        StubJira.Received request = jira.one("POST", "/rest/api/3/issue/bulk");
        assertEquals("application/json", request.headers().get("content-type"));
        JsonNode issue = request.json().path("issueUpdates").path(0);
        JsonNode fields = issue.path("fields");
        assertEquals("OPS", fields.path("project").path("key").asText());
        assertEquals("Task", fields.path("issuetype").path("name").asText());
        assertEquals("Add alerting on lag", fields.path("summary").asText());
        assertEquals("High", fields.path("priority").path("name").asText());
        assertEquals("2025-12-05", fields.path("duedate").asText());
        assertEquals("712020:abc", fields.path("assignee").path("accountId").asText());
        assertEquals("database", fields.path("components").path(0).path("name").asText());
        assertEquals("Checkout", fields.path("customfield_10050").path("value").asText());
        assertEquals("[\"closeout\",\"closeout-7\"]", fields.path("labels").toString());
        assertEquals("closeout.action", issue.path("properties").path(0).path("key").asText());
        assertEquals(7, issue.path("properties").path(0).path("value").path("actionId").asLong());

        JsonNode doc = fields.path("description");
        assertEquals("doc", doc.path("type").asText());
        assertEquals(1, doc.path("version").asInt());
        assertEquals(3, doc.path("content").size(), "two paragraphs and the link; the blank one is left out");
        assertEquals("Replica lag went unnoticed for *40 minutes*.",
                doc.path("content").path(0).path("content").path(0).path("text").asText());
        JsonNode lines = doc.path("content").path(1).path("content");
        assertEquals("hardBreak", lines.path(1).path("type").asText());
        assertEquals("second line", lines.path(2).path("text").asText());
        JsonNode link = doc.path("content").path(2).path("content").path(0);
        assertEquals("postmortem PM-118", link.path("text").asText());
        assertEquals("link", link.path("marks").path(0).path("type").asText());
        assertEquals("https://closeout.example/pm/118", link.path("marks").path(0).path("attrs").path("href").asText());
        doc.findParents("text").forEach(node -> assertFalse(node.path("text").asText().isEmpty()));
    }

    @Test
    void cutsTheSummaryToJirasLimit() {
        jira.answer("POST", "/rest/api/3/issue/bulk", 201, "{\"issues\":[{\"id\":\"1\",\"key\":\"OPS-1\"}]}");

        tracker.createTickets(List.of(ticket("x".repeat(300), null, 1)));

        JsonNode fields = jira.one("POST", "/rest/api/3/issue/bulk").json().path("issueUpdates").path(0).path("fields");
        assertEquals(255, fields.path("summary").asText().length());
        assertFalse(fields.has("priority"));
    }

    @Test
    void mapsAPartialFailureBackToItsTickets() {
        jira.answer("POST", "/rest/api/3/issue/bulk", 201,
                StubJira.example("bulk-create.response-201.partial-failure.cloud-v3.json"));

        List<CreateOutcome> outcomes = tracker.createTickets(
                List.of(ticket("one", null, 1), ticket("two", "Urgent", 2), ticket("three", null, 3)));

        assertEquals(new CreateOutcome.Created(new TicketRef("10483", "OPS-1275")), outcomes.get(0));
        InvalidFieldsException priority = ((CreateOutcome.Rejected) outcomes.get(1)).reason();
        assertTrue(priority.fieldErrors().get("priority").contains("not on the appropriate screen"));
        InvalidFieldsException labels = ((CreateOutcome.Rejected) outcomes.get(2)).reason();
        assertTrue(labels.fieldErrors().containsKey("labels"));
    }

    @Test
    void rejectsEveryTicketWhenAllFailed() {
        jira.answer("POST", "/rest/api/3/issue/bulk", 400, "{\"issues\":[],\"errors\":["
                + "{\"status\":400,\"failedElementNumber\":0,\"elementErrors\":{\"errorMessages\":[],"
                + "\"errors\":{\"issuetype\":\"The issue type selected is invalid.\"}}},"
                + "{\"status\":400,\"failedElementNumber\":1,\"elementErrors\":{\"errorMessages\":[],"
                + "\"errors\":{\"issuetype\":\"The issue type selected is invalid.\"}}}]}");

        List<CreateOutcome> outcomes = tracker.createTickets(List.of(ticket("one", null, 1), ticket("two", null, 2)));

        assertEquals(2, outcomes.size());
        outcomes.forEach(outcome -> assertEquals("The issue type selected is invalid.",
                ((CreateOutcome.Rejected) outcome).reason().fieldErrors().get("issuetype")));
    }

    @Test
    void aRefusalOfTheWholeRequestIsAnError() {
        jira.answer("POST", "/rest/api/3/issue/bulk", 400, "{\"errorMessages\":[\"Too many issues\"],\"errors\":{}}");

        InvalidFieldsException e = assertThrows(InvalidFieldsException.class,
                () -> tracker.createTickets(List.of(ticket("one", null, 1))));

        assertEquals(List.of("Too many issues"), e.messages());
    }

    @Test
    void refusesMoreThanFiftyTicketsWithoutCallingJira() {
        List<NewTicket> many = new ArrayList<>(Collections.nCopies(51, ticket("one", null, 1)));

        assertThrows(IllegalArgumentException.class, () -> tracker.createTickets(many));
        assertTrue(jira.received().isEmpty());
    }

    @Test
    void readsATicketWithItsOffsetAndActionId() {
        jira.answer("GET", "/rest/api/3/issue/OPS-1274", 200, StubJira.example(
                "get-issue.response-200.trimmed.cloud-v3.json")
                .replace("2025-11-21T09:42:17.381+0000", "2025-11-21T17:42:17.381+0800")
                .replace("com.example.postmortem", "closeout.action")
                .replace("\"actionItemId\"", "\"actionId\": 42, \"x\""));

        TicketState state = tracker.ticket("OPS-1274").orElseThrow();

        assertEquals(new TicketRef("10482", "OPS-1274"), state.ticket());
        assertEquals(StatusCategory.DONE, state.category());
        assertEquals("Done", state.statusName());
        assertEquals("Done", state.resolution());
        assertEquals("712020:5d1c1b0e-8f2a-4c35-9b7e-0a1d2c3e4f50", state.assignee().id());
        assertEquals(LocalDate.of(2025, 12, 5), state.due());
        assertEquals(Instant.parse("2025-11-21T09:42:17.381Z"), state.updated());
        assertEquals(42L, state.actionId());
        StubJira.Received request = jira.one("GET", "/rest/api/3/issue/OPS-1274");
        assertEquals("summary,status,assignee,duedate,resolution,updated,labels", request.query().get("fields"));
        assertEquals("closeout.action", request.query().get("properties"));
    }

    @Test
    void aMissingTicketIsEmpty() {
        jira.answer("GET", "/rest/api/3/issue/OPS-9", 404,
                "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");

        assertEquals(Optional.empty(), tracker.ticket("OPS-9"));
    }

    @Test
    void followsPageTokensUntilJiraOmitsOne() {
        String page1 = StubJira.example("search-jql.response-200.page1.cloud-v3.json");
        jira.answer("GET", "/rest/api/3/search/jql", 200, page1)
                .answer("GET", "/rest/api/3/search/jql", 200, "{\"issues\":[],\"nextPageToken\":\"T2\",\"isLast\":false}")
                .answer("GET", "/rest/api/3/search/jql", 200, page1.replace("\"nextPageToken\": \"CAEaAggD\",", "")
                        .replace("\"isLast\": false", "\"isLast\": true"));

        List<TicketState> tickets = tracker.ticketsLabelled(List.of("closeout-7", "closeout-8"));

        assertEquals(2, tickets.size());
        List<StubJira.Received> requests = jira.received("GET", "/rest/api/3/search/jql");
        assertEquals(3, requests.size());
        assertEquals("labels in (\"closeout-7\", \"closeout-8\")", requests.get(0).query().get("jql"));
        assertNull(requests.get(0).query().get("nextPageToken"));
        assertEquals("CAEaAggD", requests.get(1).query().get("nextPageToken"));
        assertEquals("T2", requests.get(2).query().get("nextPageToken"));
        assertEquals(IssueReader.FIELDS, requests.get(0).query().get("fields"));
    }

    @Test
    void asksForRecentChangesWithAQuotedRelativeDate() {
        jira.answer("GET", "/rest/api/3/search/jql", 200, "{\"issues\":[],\"isLast\":true}");

        TicketPage page = tracker.updatedRecently("closeout", 15, null);

        assertTrue(page.isLast());
        assertEquals("labels = \"closeout\" AND updated >= \"-15m\" ORDER BY updated ASC",
                jira.one("GET", "/rest/api/3/search/jql").query().get("jql"));
    }

    @Test
    void movesByTheTransitionToTheCategoryAndSendsTheResolutionOnlyWhenAsked() {
        jira.answer("GET", "/rest/api/3/issue/OPS-1", 200, status("new"))
                .answer("GET", "/rest/api/3/issue/OPS-1/transitions", 200, "{\"transitions\":["
                        + "{\"id\":\"21\",\"name\":\"Start\",\"to\":{\"statusCategory\":{\"key\":\"indeterminate\"}}},"
                        + "{\"id\":\"31\",\"name\":\"Close\",\"to\":{\"statusCategory\":{\"key\":\"done\"}},"
                        + "\"fields\":{\"resolution\":{\"required\":true,\"name\":\"Resolution\"}}}]}")
                .answer("POST", "/rest/api/3/issue/OPS-1/transitions", 204, "");

        assertTrue(tracker.moveTo("OPS-1", StatusCategory.DONE, "Done"));
        assertTrue(tracker.moveTo("OPS-1", StatusCategory.IN_PROGRESS, "Done"));
        assertFalse(tracker.moveTo("OPS-1", StatusCategory.UNDEFINED, null));

        List<StubJira.Received> posts = jira.received("POST", "/rest/api/3/issue/OPS-1/transitions");
        assertEquals("{\"transition\":{\"id\":\"31\"},\"fields\":{\"resolution\":{\"name\":\"Done\"}}}",
                posts.get(0).body());
        assertEquals("{\"transition\":{\"id\":\"21\"}}", posts.get(1).body());
        assertEquals("transitions.fields",
                jira.received("GET", "/rest/api/3/issue/OPS-1/transitions").get(0).query().get("expand"));
    }

    @Test
    void aTicketAlreadyThereIsNotMoved() {
        jira.answer("GET", "/rest/api/3/issue/OPS-1", 200, status("done"));

        assertTrue(tracker.moveTo("OPS-1", StatusCategory.DONE, "Done"));
        assertEquals(1, jira.received().size());
    }

    @Test
    void closesASecondTicketAsADuplicateLinkedToTheKeptOne() {
        jira.answer("POST", "/rest/api/3/issueLink", 201, "")
                .answer("GET", "/rest/api/3/issue/10042", 200, status("new"))
                .answer("GET", "/rest/api/3/issue/10042/transitions", 200, "{\"transitions\":["
                        + "{\"id\":\"31\",\"name\":\"Close\",\"to\":{\"statusCategory\":{\"key\":\"done\"}},"
                        + "\"fields\":{\"resolution\":{\"required\":true,\"name\":\"Resolution\"}}}]}")
                .answer("POST", "/rest/api/3/issue/10042/transitions", 204, "");

        tracker.closeAsDuplicate("10042", "OPS-7");

        assertEquals("{\"type\":{\"name\":\"Duplicate\"},\"inwardIssue\":{\"key\":\"OPS-7\"},"
                + "\"outwardIssue\":{\"id\":\"10042\"}}", jira.one("POST", "/rest/api/3/issueLink").body());
        assertEquals("{\"transition\":{\"id\":\"31\"},\"fields\":{\"resolution\":{\"name\":\"Duplicate\"}}}",
                jira.one("POST", "/rest/api/3/issue/10042/transitions").body());
    }

    @Test
    void claimsWithLabelsAndTheProperty() {
        jira.answer("PUT", "/rest/api/3/issue/OPS-1", 204, "")
                .answer("PUT", "/rest/api/3/issue/OPS-1/properties/closeout.action", 201, "");

        tracker.claim("OPS-1", List.of("closeout", "closeout-7"), JiraTrackers.PROPERTY_KEY, 7);

        assertEquals("{\"update\":{\"labels\":[{\"add\":\"closeout\"},{\"add\":\"closeout-7\"}]}}",
                jira.one("PUT", "/rest/api/3/issue/OPS-1").body());
        assertEquals("{\"actionId\":7}", jira.one("PUT", "/rest/api/3/issue/OPS-1/properties/closeout.action").body());
    }

    @Test
    void linksBackDatesAssignsAndUnassigns() {
        jira.answer("POST", "/rest/api/3/issue/OPS-1/remotelink", 201, "{\"id\":10000,\"self\":\"x\"}")
                .answer("PUT", "/rest/api/3/issue/OPS-1", 204, "")
                .answer("PUT", "/rest/api/3/issue/OPS-1/assignee", 204, "");

        tracker.linkBack("OPS-1", new BackLink("closeout-action-7",
                new BackLink.Target("PM-118: checkout outage", "https://closeout.example/pm/118"), "Action 3", false));
        tracker.setDueDate("OPS-1", null);
        tracker.assign("OPS-1", "712020:abc");
        tracker.assign("OPS-1", null);

        JsonNode link = jira.one("POST", "/rest/api/3/issue/OPS-1/remotelink").json();
        assertEquals("closeout-action-7", link.path("globalId").asText());
        assertEquals("dev.closeout", link.path("application").path("type").asText());
        assertEquals("follow-up of", link.path("relationship").asText());
        assertEquals("https://closeout.example/pm/118", link.path("object").path("url").asText());
        assertFalse(link.path("object").path("status").path("resolved").asBoolean(true));
        List<StubJira.Received> edits = jira.received("PUT", "/rest/api/3/issue/OPS-1");
        assertEquals("{\"fields\":{\"duedate\":null}}", edits.get(0).body());
        assertEquals("{\"accountId\":\"712020:abc\"}", jira.one("PUT", "/rest/api/3/issue/OPS-1/assignee").body());
        assertEquals("{\"fields\":{\"assignee\":null}}", edits.get(1).body());
    }

    @Test
    void findsAUserByEmailEvenWhenTheAddressIsHidden() {
        jira.answer("GET", "/rest/api/3/user/search", 200, "[{\"accountId\":\"a1\",\"accountType\":\"atlassian\","
                + "\"displayName\":\"Dana\",\"active\":true},"
                + "{\"accountId\":\"app1\",\"accountType\":\"app\",\"displayName\":\"Bot\",\"active\":true}]");

        assertEquals(Optional.of(new TrackerUser("a1", "Dana", null)), tracker.userByEmail("dana@example.com"));
        assertEquals("dana@example.com", jira.one("GET", "/rest/api/3/user/search").query().get("query"));
    }

    @Test
    void severalOrOtherUsersAreNoMatch() {
        jira.answer("GET", "/rest/api/3/user/search", 200,
                "[{\"accountId\":\"a1\",\"accountType\":\"atlassian\",\"emailAddress\":\"dana@example.com\"},"
                        + "{\"accountId\":\"a2\",\"accountType\":\"atlassian\"}]")
                .answer("GET", "/rest/api/3/user/search", 200,
                        "[{\"accountId\":\"a3\",\"accountType\":\"atlassian\",\"emailAddress\":\"dana.k@example.com\"}]");

        assertEquals(Optional.empty(), tracker.userByEmail("dana@example.com"));
        assertEquals(Optional.empty(), tracker.userByEmail("dana@example.com"));
    }

    static String status(String category) {
        return "{\"id\":\"1\",\"key\":\"OPS-1\",\"fields\":{\"status\":{\"name\":\"S\",\"statusCategory\":{\"key\":\""
                + category + "\"}}}}";
    }
}
