package dev.closeout.team;

import dev.closeout.db.jooq.tables.records.TeamNotifyRecord;
import dev.closeout.notify.TeamNotify;
import dev.closeout.notify.TeamNotifySettings;
import dev.closeout.support.ApiTestBase;
import dev.closeout.support.TwoTeams;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.TEAM_NOTIFY;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A team's notification settings through the team API: set, read back with the webhooks' tokens hidden, changed
 * field by field, cleared, refused naming the field, out of reach of another team's token, and falling back on
 * {@code closeout.notify.*} where the team sets nothing.
 */
class TeamNotificationSettingsTest extends ApiTestBase {

    private static final String SLACK_TOKEN = "Xq7vZk2mN4pR8sT1uW3yA5bC";
    private static final String SLACK = "https://hooks.slack.com/services/T024BE7LD/B08QH3KTZ9S/" + SLACK_TOKEN;
    private static final String WEBHOOK_TOKEN = "4f9c2e71d0b84a6f93aa";
    private static final String WEBHOOK = "https://ops.example.com:8443/hooks/closeout/" + WEBHOOK_TOKEN;
    private static final String ESCALATION_TOKEN = "Lm9Np2Qr7St4Uv6Wx8Yz0Ab1";
    private static final String ESCALATION = "https://hooks.slack.com/services/T024BE7LD/B05ESC4LATE/" + ESCALATION_TOKEN;

    @Inject
    TeamNotifySettings settings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("closeout.notify.time-zone", "America/Chicago");
        properties.put("closeout.notify.reminder-offsets", "+1d,-2d,0d,+1w");
        return properties;
    }

    @Test
    void createsATeamWithEveryNotificationSettingAndShowsItsWebhooksRedacted() {
        Map<String, Object> team = create(everySetting("payments"));

        assertEquals("Europe/Berlin", team.get("time_zone"));
        assertEquals("payments@example.com", team.get("email"));
        assertEquals("https://hooks.slack.com/…", team.get("slack_webhook_url"));
        assertEquals("https://ops.example.com:8443/…", team.get("webhook_url"));
        assertEquals("https://hooks.slack.com/…", team.get("escalation_contact"));
        assertEquals(Map.of("@jonas", "jonas.weber@example.com", "Amira", "amira.haddad@example.com"),
                team.get("members"));
        assertEquals(List.of("-3d", "0d", "+1d", "+14d"), team.get("reminder_offsets"));
        assertEquals("Europe/Berlin", team.get("effective_time_zone"));
        assertEquals(List.of("-3d", "0d", "+1d", "+14d"), team.get("effective_reminder_offsets"));
        assertEquals(team, getJson("/api/teams/payments"));
        assertEquals(team, list(getJson("/api/teams").get("items")).get(0));
        for (String body : List.of(client.retrieve(HttpRequest.GET("/api/teams/payments").bearerAuth(ADMIN)),
                client.retrieve(HttpRequest.GET("/api/teams").bearerAuth(ADMIN)),
                client.exchange(post(everySetting("sre")), String.class).body())) {
            assertHidesTokens(body);
        }

        TeamNotify stored = settings.find(id(team));
        assertEquals(new TeamNotify(id(team), ZoneId.of("Europe/Berlin"), "payments@example.com", SLACK, WEBHOOK,
                ESCALATION, Map.of("Amira", "amira.haddad@example.com", "@jonas", "jonas.weber@example.com"),
                List.of(-3, 0, 1, 14)), stored);
        assertEquals("amira.haddad@example.com", stored.memberAddress("@amira"));
        assertEquals("jonas.weber@example.com", stored.memberAddress("Jonas"));
    }

    @Test
    void aTeamThatSetsNothingTakesTheConfigurationAndKeepsNoRow() {
        Map<String, Object> team = create(Map.of("key", "sre", "name", "SRE"));

        for (String field : List.of("time_zone", "email", "slack_webhook_url", "webhook_url", "escalation_contact",
                "reminder_offsets")) {
            assertNull(team.get(field), field);
        }
        assertEquals(Map.of(), team.get("members"));
        assertEquals("America/Chicago", team.get("effective_time_zone"));
        assertEquals(List.of("-2d", "0d", "+1d", "+7d"), team.get("effective_reminder_offsets"));
        assertEquals(0, storedRows());
        assertEquals(TeamNotify.none(id(team)), settings.find(id(team)));
    }

    @Test
    void patchChangesOnlyTheSettingsSentAndNullGivesThemBack() {
        create(everySetting("payments"));

        Map<String, Object> team = patch("payments", Map.of("email", "pay-oncall@example.com"));

        assertEquals("pay-oncall@example.com", team.get("email"));
        assertEquals("Europe/Berlin", team.get("time_zone"));
        assertEquals("https://hooks.slack.com/…", team.get("slack_webhook_url"));
        assertEquals(Map.of("@jonas", "jonas.weber@example.com", "Amira", "amira.haddad@example.com"),
                team.get("members"));
        assertEquals(List.of("-3d", "0d", "+1d", "+14d"), team.get("reminder_offsets"));
        assertEquals(SLACK, row(team).getSlackWebhookUrl());

        Map<String, Object> cleared = new HashMap<>();
        cleared.put("time_zone", null);
        cleared.put("slack_webhook_url", null);
        cleared.put("reminder_offsets", null);
        cleared.put("members", Map.of("priya", "priya.nair@example.com"));
        team = patch("payments", cleared);

        assertNull(team.get("time_zone"));
        assertNull(team.get("slack_webhook_url"));
        assertNull(team.get("reminder_offsets"));
        assertEquals("America/Chicago", team.get("effective_time_zone"));
        assertEquals(List.of("-2d", "0d", "+1d", "+7d"), team.get("effective_reminder_offsets"));
        assertEquals(Map.of("priya", "priya.nair@example.com"), team.get("members"));
        assertEquals("https://ops.example.com:8443/…", team.get("webhook_url"));
        assertEquals(WEBHOOK, row(team).getWebhookUrl());

        Map<String, Object> rest = new HashMap<>();
        for (String field : List.of("email", "webhook_url", "escalation_contact", "members")) {
            rest.put(field, null);
        }
        team = patch("payments", rest);

        assertEquals(Map.of(), team.get("members"));
        assertNull(team.get("escalation_contact"));
        // a team that sets nothing keeps no row
        assertEquals(0, storedRows());
    }

    @Test
    void sendingBackTheRedactedUrlKeepsTheStoredOne() {
        Map<String, Object> read = create(everySetting("payments"));
        Map<String, Object> sentBack = new HashMap<>();
        for (String field : List.of("time_zone", "email", "slack_webhook_url", "webhook_url", "escalation_contact",
                "members", "reminder_offsets")) {
            sentBack.put(field, read.get(field));
        }

        Map<String, Object> team = patch("payments", sentBack);

        assertEquals(read.get("slack_webhook_url"), team.get("slack_webhook_url"));
        var row = row(team);
        assertEquals(SLACK, row.getSlackWebhookUrl());
        assertEquals(WEBHOOK, row.getWebhookUrl());
        assertEquals(ESCALATION, row.getEscalationContact());
        assertEquals("-3d,0d,+1d,+14d", row.getReminderOffsets());

        // another URL on the same host is a new URL
        String rotated = "https://hooks.slack.com/services/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";
        patch("payments", Map.of("slack_webhook_url", rotated, "escalation_contact", "pay-leads@example.com"));
        assertEquals(rotated, row(team).getSlackWebhookUrl());
        assertEquals("pay-leads@example.com", getJson("/api/teams/payments").get("escalation_contact"));

        // a redacted form is no URL to store, where there is none to keep or on another team
        assertProblem(HttpStatus.BAD_REQUEST, "webhook_url: a redacted URL",
                () -> exchange(HttpRequest.PATCH("/api/teams/payments",
                        Map.of("webhook_url", "https://hooks.slack.com/…")).bearerAuth(ADMIN)));
        Map<String, Object> copy = new HashMap<>(read);
        copy.keySet().retainAll(sentBack.keySet());
        copy.putAll(Map.of("key", "payments-eu", "name", "Payments EU"));
        assertProblem(HttpStatus.BAD_REQUEST, "slack_webhook_url: a redacted URL (ending in …) cannot be stored",
                () -> exchange(post(copy)));
        assertEquals(WEBHOOK, row(team).getWebhookUrl());
    }

    @Test
    void refusesABadSettingNamingTheFieldAndWritesNothing() {
        Map<String, Object> before = create(everySetting("payments"));
        Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
        refused.put("time_zone: 'Mars/Base' is not a time zone region", Map.of("time_zone", "Mars/Base"));
        refused.put("time_zone: '+02:00' is not a time zone region", Map.of("time_zone", "+02:00"));
        refused.put("email: 'payments at example.com' is not one e-mail address",
                Map.of("email", "payments at example.com"));
        refused.put("email: 'a@example.com, b@example.com' is not one e-mail address",
                Map.of("email", "a@example.com, b@example.com"));
        refused.put("slack_webhook_url: must be an http or https URL",
                Map.of("slack_webhook_url", "ftp://files.example.com/hooks/" + SLACK_TOKEN));
        refused.put("webhook_url: must be an http or https URL", Map.of("webhook_url", "/hooks/" + WEBHOOK_TOKEN));
        refused.put("webhook_url: too long", Map.of("webhook_url", WEBHOOK + "/" + "a".repeat(1000)));
        refused.put("escalation_contact: must be an e-mail address or an http or https URL",
                Map.of("escalation_contact", "pay-leads@example"));
        refused.put("members.Amira: 'amira.haddad' is not one e-mail address",
                Map.of("members", Map.of("Amira", "amira.haddad")));
        refused.put("members: '@amira' and 'Amira' are the same person",
                Map.of("members", Map.of("Amira", "a@example.com", "@amira", "b@example.com")));
        refused.put("members: a name must be 1 to 200 characters", Map.of("members", Map.of("@", "a@example.com")));
        refused.put("reminder_offsets: '+3x' is not an offset like -3d", Map.of("reminder_offsets", List.of("-1d", "+3x")));
        refused.put("reminder_offsets: must list at least one offset", Map.of("reminder_offsets", List.of()));
        refused.put("reminder_offsets: must be an array of strings or null", Map.of("reminder_offsets", "-3d"));
        refused.forEach((detail, body) -> {
            String problem = assertProblem(HttpStatus.BAD_REQUEST, detail,
                    () -> exchange(HttpRequest.PATCH("/api/teams/payments", body).bearerAuth(ADMIN)));
            assertHidesTokens(problem);
        });
        assertProblem(HttpStatus.BAD_REQUEST, "time_zone: 'Mars/Base'",
                () -> exchange(post(Map.of("key", "sre", "name", "SRE", "time_zone", "Mars/Base"))));

        assertEquals(before, getJson("/api/teams/payments"));
        assertEquals(1, list(getJson("/api/teams").get("items")).size());
    }

    @Test
    void membersAreAsManyAsTheColumnHolds() {
        create(Map.of("key", "payments", "name", "Payments"));

        Map<String, Object> team = patch("payments", Map.of("members", engineers(120)));

        assertEquals(120, map(team.get("members")).size());
        assertEquals("engineer-97@payments.example.com", settings.find(id(team)).memberAddress("@Engineer-97"));
        assertProblem(HttpStatus.BAD_REQUEST, "members: too long; at most 8000 characters stored",
                () -> exchange(HttpRequest.PATCH("/api/teams/payments", Map.of("members", engineers(200)))
                        .bearerAuth(ADMIN)));
        assertProblem(HttpStatus.BAD_REQUEST, "members: at most 500 people, was 501",
                () -> exchange(HttpRequest.PATCH("/api/teams/payments", Map.of("members", engineers(501)))
                        .bearerAuth(ADMIN)));
        assertEquals(120, map(getJson("/api/teams/payments").get("members")).size());
    }

    @Test
    void aTokenOfAnotherTeamNeitherChangesNorSeesATeamsSettings() {
        TwoTeams teams = TwoTeams.setUp(client);
        patch(TwoTeams.PAY, Map.of("slack_webhook_url", SLACK, "email", "payments@example.com"));

        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> exchange(HttpRequest.PATCH("/api/teams/pay",
                Map.of("slack_webhook_url", "https://hooks.example.net/steal", "email", "mallory@example.net"))
                .bearerAuth(teams.webEditor)));
        // nor its own: changing a team is for an admin scoped to no team
        assertProblem(HttpStatus.FORBIDDEN, "Forbidden", () -> exchange(HttpRequest.PATCH("/api/teams/web",
                Map.of("email", "web@example.com")).bearerAuth(teams.webEditor)));
        assertProblem(HttpStatus.NOT_FOUND, "no team with key 'pay'",
                () -> getJson("/api/teams/pay", teams.webReader));
        assertEquals(List.of("web"), list(getJson("/api/teams", teams.webReader).get("items")).stream()
                .map(team -> team.get("key")).toList());

        Map<String, Object> pay = getJson("/api/teams/pay");
        assertEquals("payments@example.com", pay.get("email"));
        assertEquals(SLACK, row(pay).getSlackWebhookUrl());
        assertNull(getJson("/api/teams/web").get("email"));
    }

    private static Map<String, Object> everySetting(String key) {
        Map<String, Object> team = new HashMap<>();
        team.put("key", key);
        team.put("name", "Payments");
        team.put("time_zone", "Europe/Berlin");
        team.put("email", " payments@example.com ");
        team.put("slack_webhook_url", SLACK);
        team.put("webhook_url", WEBHOOK);
        team.put("escalation_contact", ESCALATION);
        team.put("members", Map.of("Amira", "amira.haddad@example.com", " @jonas ", "jonas.weber@example.com"));
        team.put("reminder_offsets", List.of("+2w", "-3d", "0d", "+1d", "+1d"));
        return team;
    }

    private static Map<String, String> engineers(int count) {
        Map<String, String> members = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            members.put("engineer-" + i, "engineer-" + i + "@payments.example.com");
        }
        return members;
    }

    private static void assertHidesTokens(String body) {
        for (String token : List.of(SLACK_TOKEN, WEBHOOK_TOKEN, ESCALATION_TOKEN, "B08QH3KTZ9S", "/hooks/closeout")) {
            assertFalse(body.contains(token), () -> "'" + token + "' in " + body);
        }
    }

    private TeamNotifyRecord row(Map<String, Object> team) {
        return transactions.executeRead(status -> dsl.selectFrom(TEAM_NOTIFY)
                .where(TEAM_NOTIFY.TEAM_ID.eq(id(team))).fetchOne());
    }

    private int storedRows() {
        return transactions.executeRead(status -> dsl.fetchCount(TEAM_NOTIFY));
    }

    private Map<String, Object> create(Map<String, Object> team) {
        return client.retrieve(post(team), JSON_OBJECT);
    }

    private Map<String, Object> patch(String key, Map<String, Object> body) {
        return client.retrieve(HttpRequest.PATCH("/api/teams/" + key, body).bearerAuth(ADMIN), JSON_OBJECT);
    }

    private static MutableHttpRequest<?> post(Map<String, Object> team) {
        return HttpRequest.POST("/api/teams", team).bearerAuth(ADMIN);
    }
}
