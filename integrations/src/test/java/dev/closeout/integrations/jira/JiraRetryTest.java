package dev.closeout.integrations.jira;

import dev.closeout.integrations.tracker.CreateOutcome;
import dev.closeout.integrations.tracker.InvalidFieldsException;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.RateLimitedException;
import dev.closeout.integrations.tracker.StatusCategory;
import dev.closeout.integrations.tracker.TicketNotFoundException;
import dev.closeout.integrations.tracker.TrackerAuthException;
import dev.closeout.integrations.tracker.TrackerUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is repeated, after which pause, and what is never repeated. */
class JiraRetryTest {

    private static final String ME = "{\"accountId\":\"a1\",\"displayName\":\"Bot\"}";
    private static final String TOO_MANY = "{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}";
    private static final RetryPolicy THREE_TRIES = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));

    private final StubJira jira = StubJira.start();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final IssueTracker tracker = connect(jira.baseUrl());

    /** Time-outs no load reaches: an answer that is on its way always arrives. */
    private IssueTracker connect(URI site) {
        return connect(site, Duration.ofSeconds(60));
    }

    /**
     * A short read time-out, for the tests of answers that never come (the stub holds them for ten minutes):
     * load can only make it fire later, never keep it from firing.
     */
    private IssueTracker connect(URI site, Duration readTimeout) {
        return JiraTrackers.connect(JiraConnection.cloud(site, "ops@example.com", JiraCloudTrackerTest.TOKEN)
                .withTimeouts(Duration.ofSeconds(60), readTimeout)
                .withRetry(THREE_TRIES), pauses::add);
    }

    private static final Duration NEVER = Duration.ofMinutes(10);

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void waitsWhatRetryAfterSaysOn429() {
        jira.answer("GET", "/rest/api/3/myself", 429, TOO_MANY, "Retry-After", "2")
                .answer("GET", "/rest/api/3/myself", 200, ME);

        assertEquals("a1", tracker.currentUser().id());

        assertEquals(List.of(Duration.ofSeconds(2)), pauses);
        assertEquals(2, jira.received().size());
    }

    @Test
    void capsRetryAfterAtTheLongestPause() {
        jira.answer("GET", "/rest/api/3/myself", 503, "", "Retry-After", "600")
                .answer("GET", "/rest/api/3/myself", 200, ME);

        tracker.currentUser();

        assertEquals(List.of(Duration.ofSeconds(5)), pauses);
    }

    @Test
    void givesUpOnRateLimitsWithJirasLastAdvice() {
        jira.answer("GET", "/rest/api/3/myself", 429, TOO_MANY, "Retry-After", "3");

        RateLimitedException e = assertThrows(RateLimitedException.class, tracker::currentUser);

        assertEquals(Duration.ofSeconds(3), e.retryAfter());
        assertEquals(3, jira.received().size());
        assertEquals(2, pauses.size(), "no pause after the last try");
    }

    @Test
    void repeats503AndServerErrorsOfSafeCallsWithBackoff() {
        jira.answer("GET", "/rest/api/3/myself", 503, "")
                .answer("GET", "/rest/api/3/myself", 502, "")
                .answer("GET", "/rest/api/3/myself", 200, ME);

        tracker.currentUser();

        assertEquals(3, jira.received().size());
        assertEquals(2, pauses.size());
        assertTrue(pauses.get(0).compareTo(Duration.ofMillis(100)) <= 0, "full jitter up to the first step");
        assertTrue(pauses.get(1).compareTo(Duration.ofMillis(200)) <= 0, "up to the doubled step");
    }

    @Test
    void neverRepeatsARefusal() {
        jira.answer("PUT", "/rest/api/3/issue/OPS-1", 400,
                "{\"errorMessages\":[],\"errors\":{\"duedate\":\"Field 'duedate' cannot be set.\"}}");

        InvalidFieldsException e = assertThrows(InvalidFieldsException.class,
                () -> tracker.setDueDate("OPS-1", null));

        assertEquals("Field 'duedate' cannot be set.", e.fieldErrors().get("duedate"));
        assertEquals(1, jira.received().size());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void namesTheTicketOnA404AndThePermissionOnA403() {
        jira.answer("PUT", "/rest/api/3/issue/OPS-404/assignee", 404, "{\"errorMessages\":[\"nope\"],\"errors\":{}}")
                .answer("PUT", "/rest/api/3/issue/OPS-403/assignee", 403,
                        "{\"errorMessages\":[\"You do not have permission to assign issues.\"],\"errors\":{}}");

        assertEquals("OPS-404", assertThrows(TicketNotFoundException.class,
                () -> tracker.assign("OPS-404", "a1")).idOrKey());
        TrackerAuthException e = assertThrows(TrackerAuthException.class, () -> tracker.assign("OPS-403", "a1"));
        assertTrue(e.getMessage().contains("(403) for PUT /rest/api/3/issue/OPS-403/assignee"), e.getMessage());
        assertTrue(e.getMessage().contains("You do not have permission"), e.getMessage());
        assertEquals(2, jira.received().size());
    }

    @Test
    void repeatsAReadThatTimesOutThenGivesUp() {
        jira.answerAfter(NEVER, "GET", "/rest/api/3/myself", 200, ME);
        IssueTracker impatient = connect(jira.baseUrl(), Duration.ofMillis(300));

        TrackerUnavailableException e = assertThrows(TrackerUnavailableException.class, impatient::currentUser);

        assertFalse(e.outcomeUnknown());
        assertEquals(3, jira.received().size());
        assertFalse(e.getMessage().contains(JiraCloudTrackerTest.TOKEN));
    }

    @Test
    void aCreateThatTimesOutIsSentOnceAndMayHaveHappened() {
        jira.answerAfter(NEVER, "POST", "/rest/api/3/issue/bulk", 201, "{\"issues\":[]}");
        IssueTracker impatient = connect(jira.baseUrl(), Duration.ofMillis(300));

        TrackerUnavailableException e = assertThrows(TrackerUnavailableException.class,
                () -> impatient.createTickets(List.of(JiraCloudTrackerTest.ticket("one", null, 1))));

        assertTrue(e.outcomeUnknown());
        assertEquals(1, jira.received().size());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void aCreateThatFailsOnTheServerIsSentOnceAndMayHaveHappened() {
        jira.answer("POST", "/rest/api/3/issue/bulk", 500, "");

        TrackerUnavailableException e = assertThrows(TrackerUnavailableException.class,
                () -> tracker.createTickets(List.of(JiraCloudTrackerTest.ticket("one", null, 1))));

        assertTrue(e.outcomeUnknown());
        assertEquals(500, e.status());
        assertEquals(1, jira.received().size());
    }

    @Test
    void aCreateJiraDidNotStartIsRepeated() {
        jira.answer("POST", "/rest/api/3/issue/bulk", 429, TOO_MANY, "Retry-After", "1")
                .answer("POST", "/rest/api/3/issue/bulk", 503, "")
                .answer("POST", "/rest/api/3/issue/bulk", 201, "{\"issues\":[{\"id\":\"1\",\"key\":\"OPS-1\"}]}");

        List<CreateOutcome> outcomes = tracker.createTickets(List.of(JiraCloudTrackerTest.ticket("one", null, 1)));

        assertInstanceOf(CreateOutcome.Created.class, outcomes.get(0));
        assertEquals(3, jira.received().size());
        assertEquals(Duration.ofSeconds(1), pauses.get(0));
    }

    @Test
    void aCreateStill503AfterEveryTryDidNothing() {
        jira.answer("POST", "/rest/api/3/issue/bulk", 503, "");

        TrackerUnavailableException e = assertThrows(TrackerUnavailableException.class,
                () -> tracker.createTickets(List.of(JiraCloudTrackerTest.ticket("one", null, 1))));

        assertFalse(e.outcomeUnknown());
        assertEquals(3, jira.received().size());
    }

    @Test
    void aTransitionIsNotRepeatedAfterAServerError() {
        jira.answer("GET", "/rest/api/3/issue/OPS-1", 200, JiraCloudTrackerTest.status("new"))
                .answer("GET", "/rest/api/3/issue/OPS-1/transitions", 200,
                        "{\"transitions\":[{\"id\":\"31\",\"to\":{\"statusCategory\":{\"key\":\"done\"}}}]}")
                .answer("POST", "/rest/api/3/issue/OPS-1/transitions", 502, "");

        TrackerUnavailableException e = assertThrows(TrackerUnavailableException.class,
                () -> tracker.moveTo("OPS-1", StatusCategory.DONE, null));

        assertTrue(e.outcomeUnknown());
        assertEquals(1, jira.received("POST", "/rest/api/3/issue/OPS-1/transitions").size());
    }

    @Test
    void aSiteThatRefusesConnectionsIsUnavailableAfterEveryTry() {
        URI closed;
        try (StubJira gone = StubJira.start()) {
            closed = gone.baseUrl();
        }

        TrackerUnavailableException e = assertThrows(TrackerUnavailableException.class,
                () -> connect(closed).createTickets(List.of(JiraCloudTrackerTest.ticket("one", null, 1))));

        assertFalse(e.outcomeUnknown(), "no connection, nothing sent");
        assertEquals(2, pauses.size());
    }
}
