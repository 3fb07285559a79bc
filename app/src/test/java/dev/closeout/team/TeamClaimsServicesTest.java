package dev.closeout.team;

import dev.closeout.postmortem.ImportResult;
import dev.closeout.postmortem.PostmortemImporter;
import dev.closeout.support.ApiTestBase;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A team created after its postmortems were imported takes their follow-ups that have no team: the case of
 * issue 14, where {@code /api/teams/web/actions?overdue=true} answered nothing while 16 were overdue without a
 * team. Fifty follow-ups of seven postmortems are imported while {@code pay} owns checkout and billing and no
 * team owns storefront, search or inventory; a person puts two storefront follow-ups on {@code pay} (and takes
 * one off again) and closes one; then {@code web} is created with storefront and search.
 */
class TeamClaimsServicesTest extends ApiTestBase {

    static final String SPEC = "TeamClaimsServicesTest";
    /** Today: 2025-09-01. Each postmortem's actions are due 06-30, 07-31 and 08-15 (overdue), 12-31 and 01-31. */
    private static final Instant NOW = Instant.parse("2025-09-01T10:00:00Z");
    private static final List<String> DUES = List.of("2025-06-30", "2025-07-31", "2025-12-31", "2025-08-15",
            "2026-01-31");
    private static final Set<Integer> OVERDUE_POSITIONS = Set.of(0, 1, 3);
    private static final String ACTOR = "token:admin-token";

    @Inject
    PostmortemImporter importer;

    /** Each imported postmortem's follow-up ids by source, in the order of its action table. */
    private final Map<String, List<Long>> imported = new LinkedHashMap<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("spec.name", SPEC);
        return properties;
    }

    @Factory
    @Requires(property = "spec.name", value = SPEC)
    static class FixedClock {

        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @BeforeEach
    void importWhilePayIsTheOnlyTeam() {
        imported.clear();
        createTeam(Map.of("key", "pay", "name", "Payments", "services", List.of("checkout", "billing")));
        for (String[] postmortem : new String[][] {{"checkout", "1"}, {"checkout", "2"}, {"billing", "1"},
                {"Storefront", "1"}, {"storefront", "2"}, {"storefront ", "3"}, {"search", "1"}, {"search", "2"},
                {"inventory", "1"}, {"inventory", "2"}}) {
            importPostmortem(postmortem[0], Integer.parseInt(postmortem[1]));
        }
    }

    @Test
    void aTeamCreatedAfterTheImportListsItsServicesOverdueFollowUps() {
        long onPay = storefront(1).get(0);
        long takenOff = storefront(1).get(1);
        long closed = storefront(2).get(3);
        patchTeam(onPay, "pay");
        patchTeam(takenOff, "pay");
        patchTeam(takenOff, null);
        for (String to : List.of("in_progress", "done")) {
            exchange(HttpRequest.POST("/api/actions/" + closed + "/transitions", Map.of("to", to)).bearerAuth(ADMIN));
        }
        Map<Long, Long> payVersions = versions("pay");

        HttpResponse<Map<String, Object>> created = createTeam(Map.of("key", "web", "name", "Web",
                "services", List.of("storefront", "search")));

        // storefront: 15 follow-ups less the two a person decided on; search: 10
        assertEquals("23", created.header(TeamController.FOLLOW_UPS_ASSIGNED));
        Set<Long> expected = new TreeSet<>();
        for (String source : List.of("storefront-1", "storefront-2", "storefront-3", "search-1", "search-2")) {
            List<Long> ids = imported.get(source);
            OVERDUE_POSITIONS.forEach(position -> expected.add(ids.get(position)));
        }
        expected.removeAll(Set.of(onPay, takenOff, closed));
        assertEquals(12, expected.size());
        assertEquals(expected, new TreeSet<>(ids(getJson("/api/teams/web/actions?overdue=true&limit=100"))));

        assertEquals("pay", team(onPay), "a person put it on pay");
        assertNull(team(takenOff), "a person took it off pay");
        assertEquals("web", team(closed), "closed, it still belongs to the team, off the overdue list");
        assertEquals(payVersions, versions("pay"), "pay's follow-ups are untouched");
        for (String source : List.of("inventory-1", "inventory-2")) {
            imported.get(source).forEach(id -> assertNull(team(id), "no team owns inventory"));
        }
    }

    @Test
    void eachTakenFollowUpHasAnEventSayingTheTeamClaimsItsService() {
        createTeam(Map.of("key", "web", "name", "Web", "services", List.of("storefront", "search")));

        for (String source : List.of("storefront-3", "search-1")) {
            for (long id : imported.get(source)) {
                List<Map<String, Object>> history = list(getJson("/api/actions/" + id + "/history").get("items"));
                List<Map<String, Object>> teamEvents = history.stream().filter(e -> "team".equals(e.get("field")))
                        .toList();
                assertEquals(1, teamEvents.size(), history.toString());
                Map<String, Object> event = teamEvents.get(0);
                assertNull(event.get("old"));
                assertEquals("web", event.get("new"));
                assertEquals(ACTOR + " (team web claims service " + source.substring(0, source.indexOf('-')) + ")",
                        event.get("actor"));
            }
        }
    }

    @Test
    void aPatchGivingATeamAServiceTakesItsFollowUpsOnce() {
        createTeam(Map.of("key", "web", "name", "Web", "services", List.of("storefront")));
        long version = version(imported.get("inventory-1").get(0));

        HttpResponse<Map<String, Object>> patched = patchServices("web", List.of("storefront", "inventory"));
        HttpResponse<Map<String, Object>> again = patchServices("web", List.of("storefront", "inventory"));

        assertEquals("10", patched.header(TeamController.FOLLOW_UPS_ASSIGNED));
        assertEquals("0", again.header(TeamController.FOLLOW_UPS_ASSIGNED));
        assertEquals(List.of("inventory", "storefront"), again.body().get("services"));
        for (String source : List.of("inventory-1", "inventory-2", "search-1")) {
            for (long id : imported.get(source)) {
                assertEquals(source.startsWith("inventory") ? "web" : null, team(id), source);
            }
        }
        // a client holding the follow-up from before the claim is refused rather than undoing it
        assertEquals(version + 1, version(imported.get("inventory-1").get(0)));
        assertProblem(HttpStatus.CONFLICT, "", () -> exchange(HttpRequest.PATCH(
                "/api/actions/" + imported.get("inventory-1").get(0), Map.of("team", "pay")).bearerAuth(ADMIN)
                .header(HttpHeaders.IF_MATCH, "\"" + imported.get("inventory-1").get(0) + "-" + version + "\"")));
        assertEquals(1, list(getJson("/api/actions/" + imported.get("inventory-2").get(4) + "/history")
                .get("items")).stream().filter(e -> "team".equals(e.get("field"))).count(), "one event, not two");
    }

    /**
     * An import that looked the service's owner up before the team claimed it (here: a batch, which looks each
     * service up once, for all its postmortems) stores follow-ups without a team after the claim: they are taken
     * in the import's own transaction.
     */
    @Test
    void anImportThatLookedUpTheServiceBeforeTheTeamClaimedItStillGivesItsFollowUps() {
        FollowUpDefaults.TeamsOfBatch batch = new FollowUpDefaults.TeamsOfBatch();
        ImportResult first = importer.importText("confluence/WEB/search-3.md", markdown("search", 3), ACTOR, null,
                batch);
        first.actions().forEach(action -> assertNull(action.teamId(), "no team owns search yet"));

        createTeam(Map.of("key", "web", "name", "Web", "services", List.of("search")));
        ImportResult second = importer.importText("confluence/WEB/search-4.md", markdown("search", 4), ACTOR, null,
                batch);

        long web = transactions.executeRead(status -> dsl.select(TEAM.ID).from(TEAM).where(TEAM.TEAM_KEY.eq("web"))
                .fetchOne(TEAM.ID));
        second.actions().forEach(action -> assertEquals(web, action.teamId(), action.text()));
        first.actions().forEach(action -> assertEquals("web", team(action.id()), action.text()));
        for (var action : second.actions()) {
            List<Map<String, Object>> history = list(getJson("/api/actions/" + action.id() + "/history").get("items"));
            assertEquals(List.of("created", "team"), history.stream().map(e -> e.get("field")).toList());
            assertEquals(ACTOR + " (team web claims service search)", history.get(1).get("actor"));
        }
    }

    private void importPostmortem(String service, int number) {
        String source = service.strip().toLowerCase() + "-" + number;
        HttpResponse<Map<String, Object>> response = importJson("confluence/" + source + ".md",
                markdown(service, number));
        imported.put(source, list(response.body().get("actions")).stream().map(ApiTestBase::id).toList());
        assertEquals(5, imported.get(source).size());
    }

    private static String markdown(String service, int number) {
        StringBuilder text = new StringBuilder("# Postmortem: " + service.strip() + " incident " + number + "\n\n"
                + "**Service:** " + service + "\n**Incident start:** 2025-05-0" + number + " 10:00 UTC\n\n"
                + "## Action items\n\n| Action | Type | Owner | Due |\n| --- | --- | --- | --- |\n");
        for (int i = 0; i < DUES.size(); i++) {
            text.append("| ").append(List.of("Add an alert on", "Write a runbook for", "Load test",
                    "Add a dashboard for", "Document the failover of").get(i)).append(' ').append(service.strip())
                    .append(" (incident ").append(number).append(") | ").append(i % 2 == 0 ? "corrective" : "preventative")
                    .append(" | dana | ").append(DUES.get(i)).append(" |\n");
        }
        return text.toString();
    }

    private List<Long> storefront(int number) {
        return imported.get("storefront-" + number);
    }

    private HttpResponse<Map<String, Object>> createTeam(Map<String, Object> team) {
        return exchange(HttpRequest.POST("/api/teams", team).bearerAuth(ADMIN));
    }

    private HttpResponse<Map<String, Object>> patchServices(String key, List<String> services) {
        return exchange(HttpRequest.PATCH("/api/teams/" + key, Map.of("services", services)).bearerAuth(ADMIN));
    }

    private void patchTeam(long id, String team) {
        Map<String, Object> body = new HashMap<>();
        body.put("team", team);
        String etag = exchange(HttpRequest.GET("/api/actions/" + id).bearerAuth(ADMIN)).header(HttpHeaders.ETAG);
        MutableHttpRequest<?> request = HttpRequest.PATCH("/api/actions/" + id, body).bearerAuth(ADMIN)
                .header(HttpHeaders.IF_MATCH, etag);
        exchange(request);
    }

    private String team(long id) {
        return (String) getJson("/api/actions/" + id).get("team");
    }

    private long version(long id) {
        return transactions.executeRead(status -> dsl.select(ACTION_ITEM.VERSION).from(ACTION_ITEM)
                .where(ACTION_ITEM.ID.eq(id)).fetchOne(ACTION_ITEM.VERSION));
    }

    /** The versions of every follow-up of team {@code key}, by id. */
    private Map<Long, Long> versions(String key) {
        return transactions.executeRead(status -> dsl.select(ACTION_ITEM.ID, ACTION_ITEM.VERSION).from(ACTION_ITEM)
                .join(TEAM).on(TEAM.ID.eq(ACTION_ITEM.TEAM_ID)).where(TEAM.TEAM_KEY.eq(key))
                .fetchMap(ACTION_ITEM.ID, ACTION_ITEM.VERSION));
    }

    private static List<Long> ids(Map<String, Object> page) {
        List<Long> ids = new ArrayList<>();
        list(page.get("items")).forEach(item -> ids.add(id(item)));
        return ids;
    }
}
