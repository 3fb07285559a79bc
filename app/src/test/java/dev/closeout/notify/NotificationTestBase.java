package dev.closeout.notify;

import dev.closeout.action.MovableClock;
import dev.closeout.notify.Mailbox.Mail;
import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.support.TestTokens.ADMIN;

/**
 * What the notification tests share: a real SMTP server of the test class's own, a movable clock walked tick by tick
 * as the job ticks (plan, then send), and the API calls a person makes to set teams and follow-ups up.
 */
abstract class NotificationTestBase extends ApiTestBase {

    static final String PUBLIC_URL = "https://closeout.example.com";

    /** Made with the test instance (one per class), before its properties are read. */
    final Mailbox mailbox = new Mailbox();
    final List<Mail> received = new ArrayList<>();

    @Inject
    MovableClock clock;

    @Inject
    NotificationPlanner planner;

    @Inject
    NotificationSender sender;

    @Inject
    Notifications notifications;

    TwoTeams teams;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(MovableClock.on(database()));
        properties.put("closeout.notify.smtp.host", "127.0.0.1");
        properties.put("closeout.notify.smtp.port", Integer.toString(mailbox.port));
        properties.put("closeout.notify.smtp.from", "closeout@example.com");
        properties.put("closeout.notify.smtp.timeout", "5s");
        properties.put("closeout.notify.smtp.connect-timeout", "5s");
        properties.put("closeout.public-url", PUBLIC_URL);
        return properties;
    }

    /** The database the class runs on: the test MariaDB; a class on the embedded default says so. */
    Map<String, String> database() {
        return super.getProperties();
    }

    @AfterAll
    void stopMail() {
        mailbox.stop();
    }

    /** Sets the clock to {@code start}, drops mail read so far and sets the two teams up through the API. */
    void twoTeamsFrom(Instant start) {
        clock.set(start);
        mailbox.newMail(clock.instant());
        received.clear();
        teams = TwoTeams.setUp(client);
    }

    /** Moves the clock by {@code step} up to {@code until}, planning and sending at each tick as the job does. */
    void walk(Instant until, Duration step) {
        while (clock.instant().isBefore(until)) {
            clock.advance(step);
            planner.plan();
            sender.sendPending();
            received.addAll(mailbox.newMail(clock.instant()));
        }
    }

    void walk(Instant until) {
        walk(until, Duration.ofHours(1));
    }

    List<Long> allFollowUps() {
        List<Long> ids = new ArrayList<>(teams.payActions());
        ids.addAll(teams.searchActions);
        return ids;
    }

    void patchTeam(String key, Map<String, Object> body) {
        exchange(HttpRequest.PATCH("/api/teams/" + key, body).bearerAuth(ADMIN));
    }

    /** Patches a follow-up as a client that just read it: with its ETag. */
    void patch(long id, Map<String, Object> body) {
        String etag = exchange(HttpRequest.GET("/api/actions/" + id).bearerAuth(ADMIN)).header(HttpHeaders.ETAG);
        exchange(HttpRequest.PATCH("/api/actions/" + id, body).header(HttpHeaders.IF_MATCH, etag).bearerAuth(ADMIN));
    }

    void due(long id, String date) {
        patch(id, Map.of("due", date));
    }

    void owner(long id, String owner) {
        patch(id, Map.of("owner", owner));
    }

    void transition(long id, String to) {
        exchange(HttpRequest.POST("/api/actions/" + id + "/transitions", Map.of("to", to, "reason", "test"))
                .bearerAuth(ADMIN));
    }
}
