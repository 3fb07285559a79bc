package dev.closeout.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeout.integrations.tracker.BackLink;
import dev.closeout.integrations.tracker.Description;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.NewTicket;
import dev.closeout.integrations.tracker.TicketPage;
import dev.closeout.integrations.tracker.TicketState;
import dev.closeout.integrations.tracker.TrackerAuthException;
import dev.closeout.integrations.tracker.TrackerUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JiraDataCenterTrackerTest {

    private static final String PAT = "NjQ5-personal-access-token";

    private final StubJira jira = StubJira.start();
    private final IssueTracker tracker = JiraTrackers.connect(
            JiraConnection.dataCenter(jira.baseUrl(), PAT), pause -> { });

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void sendsThePersonalAccessTokenAsBearer() {
        jira.answer("GET", "/rest/api/2/myself", 200,
                "{\"name\":\"closeout\",\"key\":\"JIRAUSER1\",\"displayName\":\"Closeout bot\",\"emailAddress\":\"b@x\"}");

        assertEquals(new TrackerUser("closeout", "Closeout bot", "b@x"), tracker.currentUser());
        assertEquals("Bearer " + PAT, jira.one("GET", "/rest/api/2/myself").headers().get("authorization"));
    }

    @Test
    void refusedTokenNamesItsSettingOnly() {
        jira.answer("GET", "/rest/api/2/myself", 401, "<html>Unauthorized</html>");

        TrackerAuthException e = assertThrows(TrackerAuthException.class, tracker::currentUser);

        assertEquals("Jira refused the credentials (401) for GET /rest/api/2/myself: check"
                + " closeout.jira.personal-access-token", e.getMessage());
    }

    @Test
    void writesTheDescriptionInWikiMarkupAndNamesPeopleByUsername() {
        jira.answer("POST", "/rest/api/2/issue/bulk", 201, "{\"issues\":[{\"id\":\"1\",\"key\":\"OPS-1\"}],\"errors\":[]}");
        NewTicket ticket = JiraCloudTrackerTest.ticket("one", null, 7);
        NewTicket described = new NewTicket(ticket.project(), ticket.issueType(),
                ticket.summary(), new Description(List.of("Lag hit *40 minutes* [again]", "", "C:\\temp"),
                new BackLink.Target("PM-118 | outage", "https://closeout.example/pm/118")),
                ticket.labels(), ticket.priority(), ticket.due(), "dkowalski", ticket.components(),
                ticket.customFields(), ticket.propertyKey(), ticket.actionId());

        tracker.createTickets(List.of(described));

        JsonNode fields = jira.one("POST", "/rest/api/2/issue/bulk").json().path("issueUpdates").path(0).path("fields");
        assertEquals("Lag hit \\*40 minutes\\* \\[again\\]\n\nC:&#92;temp\n\n"
                + "[PM\\-118 \\| outage|https://closeout.example/pm/118]", fields.path("description").asText());
        assertEquals("{\"name\":\"dkowalski\"}", fields.path("assignee").toString());
    }

    @Test
    void pagesBySearchWindowsUntilTheTotal() {
        jira.answer("GET", "/rest/api/2/search", 200, "{\"startAt\":0,\"maxResults\":2,\"total\":3,\"issues\":["
                        + issue("1", "2025-11-21T09:42:17.381+0800") + "," + issue("2", "2025-11-21T09:43:00.000+0000") + "]}")
                .answer("GET", "/rest/api/2/search", 200, "{\"startAt\":2,\"maxResults\":2,\"total\":3,\"issues\":["
                        + issue("3", "2025-11-21T09:44:00.000+0000") + "]}");

        TicketPage first = tracker.updatedRecently("closeout", 30, null);
        TicketPage second = tracker.updatedRecently("closeout", 30, first.nextPageToken());

        assertEquals("2", first.nextPageToken());
        assertTrue(second.isLast());
        assertEquals(3, first.tickets().size() + second.tickets().size());
        List<StubJira.Received> requests = jira.received("GET", "/rest/api/2/search");
        assertEquals("0", requests.get(0).query().get("startAt"));
        assertEquals("2", requests.get(1).query().get("startAt"));
        assertEquals("labels = \"closeout\" AND updated >= \"-30m\" ORDER BY updated ASC",
                requests.get(0).query().get("jql"));
        TicketState ticket = first.tickets().get(0);
        assertEquals("dkowalski", ticket.assignee().id());
        assertEquals(Instant.parse("2025-11-21T01:42:17.381Z"), ticket.updated());
        assertNull(ticket.actionId());
    }

    @Test
    void findsAUserByExactAddress() {
        jira.answer("GET", "/rest/api/2/user/search", 200,
                "[{\"name\":\"dana\",\"displayName\":\"Dana\",\"emailAddress\":\"Dana@Example.com\",\"active\":true},"
                        + "{\"name\":\"dana2\",\"displayName\":\"Dana Two\",\"emailAddress\":\"dana2@example.com\"}]");

        assertEquals(Optional.of(new TrackerUser("dana", "Dana", "Dana@Example.com")),
                tracker.userByEmail("dana@example.com"));
        assertEquals("dana@example.com", jira.one("GET", "/rest/api/2/user/search").query().get("username"));
    }

    @Test
    void aHiddenAddressIsNoMatchOnDataCenter() {
        jira.answer("GET", "/rest/api/2/user/search", 200, "[{\"name\":\"dana\",\"displayName\":\"Dana\"}]");

        assertFalse(tracker.userByEmail("dana@example.com").isPresent());
    }

    private static String issue(String id, String updated) {
        return "{\"id\":\"" + id + "\",\"key\":\"OPS-" + id + "\",\"fields\":{\"status\":{\"name\":\"Open\","
                + "\"statusCategory\":{\"key\":\"new\"}},\"updated\":\"" + updated + "\",\"labels\":[\"closeout\"],"
                + "\"assignee\":{\"name\":\"dkowalski\",\"displayName\":\"Dana\"},\"duedate\":null,\"resolution\":null}}";
    }
}
