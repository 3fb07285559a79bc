package dev.closeout.web.page;

import dev.closeout.action.MovableClock;
import dev.closeout.report.WeeklyDataset;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snoozing a follow-up's reminders from its page ({@link WeeklyDataset}, today 2026-03-11): the form sets the day, the
 * page then says until when with a button to stop, and the checks are those of the page's other forms and of the
 * API's PATCH (a day after today, the version shown, the session's CSRF token, an editor of the follow-up's team).
 */
class FollowupSnoozePageTest extends PageTestBase {

    @Inject
    MovableClock clock;

    WeeklyDataset data;
    String editor;
    long d1;

    @Override
    public Map<String, String> getProperties() {
        return MovableClock.on(super.getProperties());
    }

    @BeforeEach
    void buildTheDataset() {
        data = WeeklyDataset.build(client, clock);
        editor = signIn(token("lead", "editor"));
        d1 = data.id("d1");
    }

    @Test
    void snoozesFromThePageAndStopsSnoozing() {
        String shown = body(page("/follow-ups/" + d1, editor));
        assertTrue(shown.contains("Snooze reminders until"), shown);
        assertFalse(shown.contains("Reminders snoozed until"), shown);

        HttpResponse<String> snoozed = post(d1, editor, Map.of("csrf", csrfOf(shown), "version", version(d1),
                "until", "2026-12-20"));

        assertEquals(HttpStatus.SEE_OTHER, snoozed.getStatus(), body(snoozed));
        assertEquals("/follow-ups/" + d1, snoozed.header("Location"));
        assertEquals("2026-12-20", getJson("/api/actions/" + d1).get("snoozed_until"));
        String page = body(page("/follow-ups/" + d1, editor));
        assertTrue(page.contains("Reminders snoozed until 2026-12-20"), page);
        assertTrue(page.contains("Stop snoozing"), page);
        assertTrue(page.contains("<span>snoozed until</span>: <span>–</span> → <span>2026-12-20</span>"), page);

        HttpResponse<String> stopped = post(d1, editor, Map.of("csrf", csrfOf(page), "version", version(d1),
                "until", ""));

        assertEquals(HttpStatus.SEE_OTHER, stopped.getStatus(), body(stopped));
        assertNull(getJson("/api/actions/" + d1).get("snoozed_until"));
        assertFalse(body(page("/follow-ups/" + d1, editor)).contains("Reminders snoozed until"));
    }

    @Test
    void refusesADayNotAfterTodayOrNotADayAndSaysWhy() {
        String csrf = csrfOf(body(page("/follow-ups/" + d1, editor)));

        HttpResponse<String> today = post(d1, editor, Map.of("csrf", csrf, "version", version(d1),
                "until", "2026-03-11"));
        HttpResponse<String> garbled = post(d1, editor, Map.of("csrf", csrf, "version", version(d1),
                "until", "soon"));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, today.getStatus());
        assertTrue(body(today).contains("snoozed_until: must be after today (2026-03-11)"), body(today));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, garbled.getStatus());
        assertTrue(body(garbled).contains("snoozed_until: must be a date YYYY-MM-DD"), body(garbled));
        assertNull(getJson("/api/actions/" + d1).get("snoozed_until"));
    }

    @Test
    void refusesASnoozeFromAnOldVersionAndAFormWithoutTheCsrfToken() {
        String csrf = csrfOf(body(page("/follow-ups/" + d1, editor)));
        String shown = version(d1);
        post(d1, editor, Map.of("csrf", csrf, "version", shown, "until", "2026-12-20"));

        HttpResponse<String> stale = post(d1, editor, Map.of("csrf", csrf, "version", shown, "until", "2027-01-10"));
        HttpResponse<String> forged = post(d1, editor, Map.of("csrf", "forged", "version", version(d1),
                "until", "2027-01-10"));

        assertEquals(HttpStatus.CONFLICT, stale.getStatus());
        assertTrue(body(stale).contains("Someone changed this follow-up since you opened the page"), body(stale));
        assertEquals(HttpStatus.FORBIDDEN, forged.getStatus());
        assertEquals("2026-12-20", getJson("/api/actions/" + d1).get("snoozed_until"));
    }

    @Test
    void aReaderSeesTheSnoozeButNoFormsAndAnotherTeamsEditorCannotSnooze() {
        post(d1, editor, Map.of("csrf", csrfOf(body(page("/follow-ups/" + d1, editor))), "version", version(d1),
                "until", "2026-12-20"));
        String reader = signIn(data.webReader);
        String payEditor = signIn(token("pay-lead", "editor", "pay"));

        String seen = body(page("/follow-ups/" + d1, reader));
        assertTrue(seen.contains("Reminders snoozed until 2026-12-20"), seen);
        assertFalse(seen.contains("Stop snoozing"), seen);
        assertFalse(seen.contains("Snooze reminders until"), seen);
        HttpResponse<String> forged = post(d1, reader, Map.of("csrf", csrfOf(body(page("/follow-ups", reader))),
                "version", version(d1), "until", ""));
        HttpResponse<String> otherTeam = post(d1, payEditor, Map.of(
                "csrf", csrfOf(body(page("/follow-ups", payEditor))), "version", version(d1), "until", ""));

        assertEquals(HttpStatus.FORBIDDEN, forged.getStatus());
        assertEquals(HttpStatus.NOT_FOUND, otherTeam.getStatus(), "as the API answers pay's token");
        assertEquals("2026-12-20", getJson("/api/actions/" + d1).get("snoozed_until"));
    }

    private HttpResponse<String> post(long id, String session, Map<String, String> form) {
        return send(HttpRequest.POST("/follow-ups/" + id + "/snooze", new LinkedHashMap<>(form))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of(COOKIE, session)));
    }

    private String version(long id) {
        return getJson("/api/actions/" + id).get("version").toString();
    }
}
