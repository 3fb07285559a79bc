package dev.closeout.team;

import dev.closeout.jira.JiraMapping;
import dev.closeout.jira.JiraMappings;
import dev.closeout.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.TEAM_JIRA;
import static dev.closeout.support.TestTokens.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A team's Jira mapping through the API: its own settings set, changed and cleared, refused when Jira would
 * refuse them, and merged over {@code closeout.jira.teams.<key>.*} and the global defaults.
 */
class TeamJiraApiTest extends ApiTestBase {

    private static final Map<String, Object> CONFIGURED_FIELDS = Map.of(
            "customfield_10010", Map.of("value", "{{team.key}}"), "fixVersions", List.of(Map.of("name", "next")));

    @Inject
    JiraMappings mappings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("closeout.jira.default-project", "OPS");
        properties.put("closeout.jira.teams.payments.project", "PAYCFG");
        properties.put("closeout.jira.teams.payments.issue-type", "Bug");
        properties.put("closeout.jira.teams.payments.labels", "from-config,payments");
        properties.put("closeout.jira.teams.payments.priority-map.P1", "Highest");
        properties.put("closeout.jira.teams.payments.custom-fields.customfield_10010", "{\"value\":\"{{team.key}}\"}");
        properties.put("closeout.jira.teams.payments.custom-fields.fixVersions", "[{\"name\":\"next\"}]");
        properties.put("closeout.jira.teams.broken.labels", "two words");
        return properties;
    }

    @Test
    void createSetsEveryJiraFieldAndShowsThemBack() {
        Map<String, Object> team = create(Map.of("key", "sre", "name", "SRE", "jira_project", "SRE",
                "jira_issue_type", " Story ", "jira_labels", List.of("postmortem", "sre", "postmortem"),
                "jira_components", List.of(" Database ", "Network"), "jira_priority_map", Map.of("P1", "Highest"),
                "jira_custom_fields", Map.of("customfield_10010", Map.of("value", "{{team.key}}"),
                        "environment", "prod"),
                "jira_not_doing_resolutions", List.of("Won't Fix")));

        assertEquals("Story", team.get("jira_issue_type"));
        assertEquals(List.of("postmortem", "sre"), team.get("jira_labels"));
        assertEquals(List.of("Database", "Network"), team.get("jira_components"));
        assertEquals(Map.of("p1", "Highest"), team.get("jira_priority_map"));
        assertEquals(Map.of("customfield_10010", Map.of("value", "{{team.key}}"), "environment", "prod"),
                team.get("jira_custom_fields"));
        assertEquals(List.of("Won't Fix"), team.get("jira_not_doing_resolutions"));
        assertEquals(effective("SRE", "Story", List.of("postmortem", "sre"), List.of("Database", "Network"),
                Map.of("p1", "Highest"), Map.of("customfield_10010", Map.of("value", "{{team.key}}"),
                        "environment", "prod"), List.of("Won't Fix")), team.get("effective_jira"));
        assertEquals(team, getJson("/api/teams/sre"));
        assertEquals(team, list(getJson("/api/teams").get("items")).get(0));
    }

    @Test
    void aTeamWithoutSettingsOrConfigurationGetsTheGlobalDefaults() {
        Map<String, Object> team = create(Map.of("key", "sre", "name", "SRE"));

        for (String field : List.of("jira_issue_type", "jira_labels", "jira_components", "jira_priority_map",
                "jira_custom_fields", "jira_not_doing_resolutions")) {
            assertNull(team.get(field), field);
        }
        assertEquals(effective("OPS", "Task", List.of(), List.of(), Map.of(), Map.of(), List.of("Won't Do", "Duplicate")),
                team.get("effective_jira"));
        assertEquals(new JiraMapping("OPS", "Task", List.of(), List.of(), Map.of(), Map.of(),
                List.of("Won't Do", "Duplicate")), mappings.forTeam(null));
    }

    @Test
    void theTeamsSettingsWinOverTheConfigurationWhichWinsOverTheGlobalDefaults() {
        Map<String, Object> configured = create(Map.of("key", "payments", "name", "Payments"));
        assertEquals(effective("PAYCFG", "Bug", List.of("from-config", "payments"), List.of(), Map.of("p1", "Highest"),
                CONFIGURED_FIELDS, List.of("Won't Do", "Duplicate")),
                configured.get("effective_jira"));

        Map<String, Object> own = patch("payments", Map.of("jira_project", "PAY", "jira_labels", List.of("mine"),
                "jira_custom_fields", Map.of()));

        assertEquals(effective("PAY", "Bug", List.of("mine"), List.of(), Map.of("p1", "Highest"), Map.of(),
                List.of("Won't Do", "Duplicate")), own.get("effective_jira"));
        long id = id(own);
        JiraMapping mapping = mappings.forTeam(id);
        assertEquals(new JiraMapping("PAY", "Bug", List.of("mine"), List.of(), Map.of("p1", "Highest"), Map.of(),
                List.of("Won't Do", "Duplicate")), mapping);
        assertEquals("Highest", mapping.jiraPriority(" P1 "));
        long other = id(create(Map.of("key", "sre", "name", "SRE", "jira_priority_map", Map.of("p2", "High"))));
        Map<Long, JiraMapping> both = mappings.forTeams(List.of(id, other, -1L));
        assertEquals(mapping, both.get(id));
        assertEquals(Map.of("p2", "High"), both.get(other).priorityMap());
        assertEquals("OPS", both.get(other).project());
        assertEquals(2, both.size());
    }

    @Test
    void patchChangesOnlyTheJiraFieldsSentAndNullGivesThemBackToTheConfiguration() {
        create(Map.of("key", "payments", "name", "Payments", "jira_issue_type", "Story",
                "jira_labels", List.of("mine"), "jira_priority_map", Map.of("p1", "High"),
                "jira_custom_fields", Map.of("customfield_1", 1), "jira_components", List.of("db"),
                "jira_not_doing_resolutions", List.of("Declined")));
        Map<String, Object> body = new HashMap<>();
        body.put("jira_labels", null);
        body.put("jira_custom_fields", null);
        body.put("jira_components", List.of());

        Map<String, Object> team = patch("payments", body);

        assertEquals("Story", team.get("jira_issue_type"));
        assertNull(team.get("jira_labels"));
        assertNull(team.get("jira_custom_fields"));
        assertEquals(List.of(), team.get("jira_components"));
        assertEquals(Map.of("p1", "High"), team.get("jira_priority_map"));
        assertEquals(List.of("Declined"), team.get("jira_not_doing_resolutions"));
        assertEquals(effective("PAYCFG", "Story", List.of("from-config", "payments"), List.of(), Map.of("p1", "High"),
                CONFIGURED_FIELDS, List.of("Declined")),
                team.get("effective_jira"));

        Map<String, Object> cleared = new HashMap<>();
        for (String field : List.of("jira_issue_type", "jira_components", "jira_priority_map",
                "jira_not_doing_resolutions")) {
            cleared.put(field, null);
        }
        Map<String, Object> inherited = patch("payments", cleared);

        assertEquals(effective("PAYCFG", "Bug", List.of("from-config", "payments"), List.of(), Map.of("p1", "Highest"),
                CONFIGURED_FIELDS, List.of("Won't Do", "Duplicate")),
                inherited.get("effective_jira"));
        // a team that sets nothing keeps no row
        assertEquals(Integer.valueOf(0), transactions.executeRead(status -> dsl.fetchCount(TEAM_JIRA)));
    }

    @Test
    void refusesWhatJiraWouldRefuseNamingTheFieldAndWritesNothing() {
        assertProblem(HttpStatus.BAD_REQUEST, "jira_labels: 'two words' contains whitespace, which Jira refuses",
                () -> client.exchange(post(Map.of("key", "sre", "name", "SRE",
                        "jira_labels", List.of("ok", "two words"))), String.class));
        assertProblem(HttpStatus.BAD_REQUEST, "jira_custom_fields: 'summary' is set by Closeout itself",
                () -> client.exchange(post(Map.of("key", "sre", "name", "SRE",
                        "jira_custom_fields", Map.of("summary", "x"))), String.class));
        assertEquals(List.of(), getJson("/api/teams").get("items"));

        Map<String, Object> before = create(Map.of("key", "sre", "name", "SRE", "jira_labels", List.of("sre")));
        Map<String, Map<String, Object>> refused = Map.of(
                "jira_labels: 'tab\\tlabel' contains whitespace", Map.of("jira_labels", List.of("tab\tlabel")),
                "jira_labels: a label must be 1 to 255 characters", Map.of("jira_labels", List.of("x".repeat(256))),
                "jira_custom_fields: 'cf_1' is not a Jira field id", Map.of("jira_custom_fields", Map.of("cf_1", 1)),
                "jira_custom_fields.customfield_10010: unknown placeholder {{action.title}}",
                Map.of("jira_custom_fields", Map.of("customfield_10010", Map.of("value", "{{action.title}}"))),
                "jira_custom_fields: must be a JSON object", Map.of("jira_custom_fields", List.of("customfield_1")),
                "jira_priority_map: must be an object", Map.of("jira_priority_map", "High"),
                "jira_priority_map.p1: must be a Jira priority name", Map.of("jira_priority_map", Map.of("p1", " ")),
                "jira_issue_type: must be 1 to 64 characters", Map.of("jira_issue_type", " "),
                "jira_components: 'a,b' contains a comma", Map.of("jira_components", List.of("a,b")),
                "jira_not_doing_resolutions: must be an array", Map.of("jira_not_doing_resolutions", "Won't Do"));
        refused.forEach((detail, body) -> assertProblem(HttpStatus.BAD_REQUEST, detail,
                () -> client.exchange(HttpRequest.PATCH("/api/teams/sre", body).bearerAuth(ADMIN), String.class)));

        assertEquals(before, getJson("/api/teams/sre"));
    }

    @Test
    void theConfigurationIsCheckedByTheSameRules() {
        assertEquals(List.of("closeout.jira.teams.broken.labels: 'two words' contains whitespace, which Jira refuses"),
                mappings.configurationProblems());
        assertEquals(List.of("broken", "payments"), mappings.configuredTeams());
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

    private static Map<String, Object> effective(String project, String issueType, List<String> labels,
                                                 List<String> components, Map<String, String> priorities,
                                                 Map<String, Object> customFields, List<String> notDoing) {
        return Map.of("project", project, "issue_type", issueType, "labels", labels, "components", components,
                "priority_map", priorities, "custom_fields", customFields, "not_doing_resolutions", notDoing);
    }
}
