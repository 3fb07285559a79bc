package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.notify.NotifyTestHooks;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The follow-up page shows what was sent about the follow-up, and why nothing was when nobody could be reached. */
class FollowupRemindersPageTest extends PageTestBase {

    @Inject
    MovableClock clock;

    @Inject
    NotifyTestHooks notify;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @Test
    void aReminderThatReachedNobodySaysWhyOnThePage() {
        clock.set(Instant.parse("2026-12-10T12:00:00Z"));
        TwoTeams teams = TwoTeams.setUp(client);
        long rollback = teams.checkoutActions.get(2);
        String etag = exchange(HttpRequest.GET("/api/actions/" + rollback).bearerAuth(ADMIN)).header(HttpHeaders.ETAG);
        exchange(HttpRequest.PATCH("/api/actions/" + rollback, Map.of("due", "2026-12-17"))
                .header(HttpHeaders.IF_MATCH, etag).bearerAuth(ADMIN));
        String reader = token("lead", "reader");
        assertTrue(body(page("/follow-ups/" + rollback, signIn(reader))).contains("None yet"));

        // Monday the 14th after nine: the -3d reminder falls due, and priya has no address anywhere
        clock.set(Instant.parse("2026-12-14T10:00:00Z"));
        notify.planAndSend();

        // a new sign-in: four days outlast a session
        String shown = body(page("/follow-ups/" + rollback, signIn(reader)));
        assertTrue(shown.contains("reminder (-3d)"), shown);
        assertTrue(shown.contains("skipped"), shown);
        assertTrue(shown.contains("owner &#39;priya&#39; has no e-mail address"), shown);
    }
}
