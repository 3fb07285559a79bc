package dev.closeout.action;

import dev.closeout.jira.JiraApiTestBase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A snooze is Closeout's own: the ticket carries status, due date and owner, so snoozing a follow-up with a
 * ticket queues nothing for Jira and a sync pass afterwards changes no issue; an owner change still does.
 */
class SnoozeJiraTest extends JiraApiTestBase {

    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void ticketsInJira() {
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        startIdsHigh();
        jira.project("OPS");
    }

    @Test
    void aSnoozeChangesNoTicket() {
        List<Long> ids = importActions("snooze-outage.md", postmortem("Snooze outage", 2));
        assertTrue(syncUntilSettled(5) > 0, "the tickets were created");
        jira.resetRequests();

        patchCurrent(ids.get(0), Map.of("snoozed_until", "2026-03-20"));

        assertEquals(0, pending(), "nothing queued for Jira");
        client.retrieve(HttpRequest.POST("/api/integrations/jira/sync", "").bearerAuth(ADMIN), JSON_OBJECT);
        assertEquals(List.of(), issueChanges());

        patchCurrent(ids.get(1), Map.of("owner", "priya"));
        assertEquals(1, pending(), "an owner change is queued, as before");
    }

    private void patchCurrent(long id, Map<String, ?> body) {
        String etag = exchange(HttpRequest.GET("/api/actions/" + id).bearerAuth(ADMIN)).header(HttpHeaders.ETAG);
        MutableHttpRequest<?> patch = HttpRequest.PATCH("/api/actions/" + id, body).bearerAuth(ADMIN)
                .header(HttpHeaders.IF_MATCH, etag);
        exchange(patch);
    }

    /** What Jira was asked to change: anything but a read. */
    private List<String> issueChanges() {
        return jira.requests().stream().filter(request -> !request.method().equals("GET"))
                .filter(request -> !request.path().endsWith("/search/jql"))
                .map(request -> request.method() + " " + request.path()).toList();
    }
}
