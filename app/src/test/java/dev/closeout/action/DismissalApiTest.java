package dev.closeout.action;

import dev.closeout.integrations.jira.fake.FakeIssue;
import dev.closeout.jira.JiraApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static dev.closeout.support.TwoTeams.CHECKOUT_OUTAGE_EDITED;
import static dev.closeout.support.TwoTeams.CHECKOUT_SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/actions/{id}/dismiss} and {@code /restore}: a follow-up a person says is no follow-up leaves the
 * lists, the reports and the Jira sync, stays in the history, and a re-import does not bring it back; restoring it
 * undoes all of that. Pay's five follow-ups (three of checkout, two of billing) were imported on 2026-03-01 with due
 * dates in 2025, so on 2026-03-10, today, all five are open and overdue.
 */
class DismissalApiTest extends JiraApiTestBase {

    private static final String REASON = "a sentence of the timeline, not a follow-up";

    @Inject
    MovableClock clock;

    private TwoTeams teams;
    /** Checkout's "Alert on connection pool saturation for the orders database". */
    private long alert;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void twoTeamsImportedNineDaysAgo() {
        clock.set(Instant.parse("2026-03-01T09:00:00Z"));
        startIdsHigh();
        teams = TwoTeams.setUp(client);
        alert = teams.checkoutActions.get(1);
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void aDismissedFollowUpLeavesTheListsAndTheReportsFromItsDismissalOn() {
        assertEquals(5, overdueTotal(""));
        assertEquals(List.of(5, 5), openAndOverdueAtEndOfTheWeek());

        Map<String, Object> dismissed = dismiss(alert, REASON, teams.payEditor).body();

        assertEquals(true, dismissed.get("dismissed"));
        assertEquals(REASON, dismissed.get("dismissal_reason"));
        assertEquals("open", dismissed.get("status"), "its status stays as it was");
        assertFalse(teamList().contains(alert));
        assertEquals(4, teamList().size());
        assertEquals(4, overdueTotal(""));
        assertEquals(List.of(4, 4), openAndOverdueAtEndOfTheWeek());
        // yesterday it was still a follow-up, as the backlog's history counted it then
        assertEquals(5, overdueTotal("&as_of=2026-03-09"));
        // the postmortem's counts leave it out too
        Map<String, Object> checkout = list(getJson("/api/postmortems?service=Checkout").get("items")).get(0);
        assertEquals(List.of(2, 2), List.of(checkout.get("action_count"), checkout.get("open_action_count")));
        // still there by its id, and in its postmortem, marked
        assertEquals(true, getJson("/api/actions/" + alert).get("dismissed"));
    }

    @Test
    void earlierDaysCountItUntilItsDismissalAndFromItsRestore() {
        clock.set(Instant.parse("2026-03-05T10:00:00Z"));
        dismiss(alert, REASON, ADMIN);
        clock.set(Instant.parse("2026-03-09T10:00:00Z"));
        restore(alert, ADMIN);
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));

        assertEquals(List.of(5, 4, 4, 5, 5), List.of(overdueTotal("&as_of=2026-03-04"),
                overdueTotal("&as_of=2026-03-05"), overdueTotal("&as_of=2026-03-08"),
                overdueTotal("&as_of=2026-03-09"), overdueTotal("")));
        // the backlog's history, replayed from the events: the end of 2026-W10 (Sunday 03-08) had it dismissed
        Map<String, Object> week10 = getJson("/api/reports/weekly?team=pay&week=2026-W10");
        assertEquals(List.of(4, 4), List.of(week10.get("open_at_end"), week10.get("overdue_at_end")));
    }

    @Test
    void theHistoryHoldsTheDismissalAndTheRestore() {
        dismiss(alert, REASON, teams.payEditor);
        clock.advance(Duration.ofMinutes(5));
        restore(alert, teams.payEditor);

        List<Map<String, Object>> events = list(getJson("/api/actions/" + alert + "/history").get("items"));
        assertEquals(List.of("created", "dismissed", "dismissal_reason", "dismissed", "dismissal_reason"),
                events.stream().map(event -> event.get("field")).toList());
        Map<String, Object> dismissal = events.get(1);
        assertEquals(List.of("false", "true", "token:pay-ci", "2026-03-10T12:00:00Z"), List.of(dismissal.get("old"),
                dismissal.get("new"), dismissal.get("actor"), dismissal.get("at")));
        assertEquals(REASON, events.get(2).get("new"));
        assertEquals(List.of("true", "false"), List.of(events.get(3).get("old"), events.get(3).get("new")));
        assertEquals(REASON, events.get(4).get("old"));
    }

    @Test
    void restoringBringsItBackToTheListsAndTheReports() {
        dismiss(alert, REASON, ADMIN);

        Map<String, Object> restored = restore(alert, teams.payEditor).body();

        assertEquals(false, restored.get("dismissed"));
        assertNull(restored.get("dismissal_reason"));
        assertTrue(teamList().contains(alert));
        assertEquals(5, overdueTotal(""));
        assertEquals(List.of(5, 5), openAndOverdueAtEndOfTheWeek());
    }

    @Test
    void aReimportDoesNotBringItBack() {
        dismiss(alert, REASON, ADMIN);

        // the edited text still has the alert, as it was
        Map<String, Object> reimported = teams.importMarkdown(CHECKOUT_SOURCE, CHECKOUT_OUTAGE_EDITED);

        List<Map<String, Object>> alerts = list(reimported.get("actions")).stream()
                .filter(action -> String.valueOf(action.get("text")).startsWith("Alert on connection pool")).toList();
        assertEquals(List.of(alert), alerts.stream().map(action -> id(action)).toList(), "no second copy of it");
        assertEquals(true, alerts.get(0).get("dismissed"));
        assertFalse(teamList().contains(alert));
    }

    @Test
    void oneWithoutATicketGetsNoneUntilRestored() {
        dismiss(alert, REASON, ADMIN);

        syncUntilSettled(5);

        assertEquals(List.of(), issuesOf(alert));
        teams.payActions().stream().filter(id -> id != alert).forEach(id -> assertEquals(1, issuesOf(id).size()));
        assertProblem(HttpStatus.NOT_FOUND, "has no Jira ticket", () -> exchange(
                HttpRequest.GET("/api/actions/" + alert + "/ticket").bearerAuth(ADMIN)));

        restore(alert, ADMIN);
        syncUntilSettled(5);

        assertEquals(1, issuesOf(alert).size());
    }

    @Test
    void aTicketItHasIsLeftAsItIs() {
        syncUntilSettled(5);
        FakeIssue ticket = issuesOf(alert).get(0);
        LocalDate due = ticket.dueDate();
        // a change Jira has not seen yet when the follow-up is dismissed is not sent either
        HttpResponse<Map<String, Object>> read = exchange(HttpRequest.GET("/api/actions/" + alert).bearerAuth(ADMIN));
        exchange(HttpRequest.PATCH("/api/actions/" + alert, Map.of("due", "2026-04-30")).bearerAuth(ADMIN)
                .header(HttpHeaders.IF_MATCH, read.header(HttpHeaders.ETAG)));
        jira.resetRequests();

        dismiss(alert, REASON, teams.payEditor);
        syncUntilSettled(5);

        assertEquals(List.of(), jira.requests().stream().filter(request -> request.path().contains(ticket.key())
                || request.path().contains(ticket.id())).toList());
        assertEquals(due, jira.issue(ticket.key()).orElseThrow().dueDate());
        assertEquals("To Do", jira.issue(ticket.key()).orElseThrow().statusName());
        assertEquals("synced", ticketOf(alert).get("state"));
        assertTrue(list(getJson("/api/actions/" + alert + "/history").get("items")).stream()
                .anyMatch(event -> "dismissed".equals(event.get("field")) && "true".equals(event.get("new"))));
    }

    @Test
    void aReasonIsRequiredAndNothingIsWrittenWithout() {
        assertProblem(HttpStatus.BAD_REQUEST, "reason: required", () -> exchange(
                HttpRequest.POST("/api/actions/" + alert + "/dismiss", Map.of()).bearerAuth(ADMIN)));
        assertProblem(HttpStatus.BAD_REQUEST, "reason: required", () -> dismiss(alert, "  ", ADMIN));
        assertProblem(HttpStatus.BAD_REQUEST, "reason: must be at most 2000 characters",
                () -> dismiss(alert, "x".repeat(2001), ADMIN));

        Map<String, Object> action = getJson("/api/actions/" + alert);
        assertEquals(false, action.get("dismissed"));
        assertEquals(0, action.get("version"));
    }

    @Test
    void dismissingTwiceRestoringAKeptOneOrChangingADismissedOneIsAConflict() {
        assertProblem(HttpStatus.CONFLICT, "dismissed: follow-up " + alert + " is not dismissed",
                () -> restore(alert, ADMIN));
        dismiss(alert, REASON, ADMIN);

        assertProblem(HttpStatus.CONFLICT, "dismissed: follow-up " + alert + " is dismissed already",
                () -> dismiss(alert, "again", ADMIN));
        assertProblem(HttpStatus.CONFLICT, "restore it", () -> exchange(HttpRequest.POST(
                "/api/actions/" + alert + "/transitions", Map.of("to", "in_progress")).bearerAuth(ADMIN)));
        Object version = getJson("/api/actions/" + alert).get("version");
        assertProblem(HttpStatus.CONFLICT, "restore it", () -> exchange(HttpRequest.PATCH("/api/actions/" + alert,
                Map.of("owner", "omar", "version", version)).bearerAuth(ADMIN)));
    }

    @Test
    void aReaderCannotDismissOrRestore() {
        long search = teams.searchActions.get(0);

        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> dismiss(search, REASON, teams.webReader));
        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> restore(search, teams.webReader));
        assertEquals(false, getJson("/api/actions/" + search).get("dismissed"));
    }

    @Test
    void anotherTeamsEditorIsToldTheFollowUpDoesNotExist() {
        assertProblem(HttpStatus.NOT_FOUND, "no action with id " + alert, () -> dismiss(alert, REASON,
                teams.webEditor));
        dismiss(alert, REASON, ADMIN);
        assertProblem(HttpStatus.NOT_FOUND, "no action with id " + alert, () -> restore(alert, teams.webEditor));

        assertEquals(true, getJson("/api/actions/" + alert).get("dismissed"));
    }

    private HttpResponse<Map<String, Object>> dismiss(long id, String reason, String token) {
        return exchange(HttpRequest.POST("/api/actions/" + id + "/dismiss", Map.of("reason", reason))
                .bearerAuth(token));
    }

    private HttpResponse<Map<String, Object>> restore(long id, String token) {
        return exchange(HttpRequest.POST("/api/actions/" + id + "/restore", "").bearerAuth(token));
    }

    private List<Long> teamList() {
        return list(getJson("/api/teams/pay/actions").get("items")).stream().map(action -> id(action)).toList();
    }

    private int overdueTotal(String query) {
        return ((Number) getJson("/api/reports/overdue?team=pay" + query).get("total")).intValue();
    }

    /** Open and overdue at the end of the week in progress (2026-W11, ending today) in the weekly review. */
    private List<Integer> openAndOverdueAtEndOfTheWeek() {
        Map<String, Object> review = getJson("/api/reports/weekly?team=pay&week=2026-W11");
        return List.of(((Number) review.get("open_at_end")).intValue(),
                ((Number) review.get("overdue_at_end")).intValue());
    }
}
