package dev.closeout.jira;

import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.ProjectMapping;
import dev.closeout.integrations.tracker.TrackerAuthException;
import dev.closeout.integrations.tracker.TrackerUser;
import dev.closeout.team.DuePolicy;
import dev.closeout.team.Team;
import dev.closeout.team.TeamRepository;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JiraCheck} on the embedded database against a stand-in tracker: which mappings it asks Jira about,
 * what it prints and how it exits.
 */
class JiraCheckTest {

    private static final String TOKEN = "secret-api-token-123";
    private static final TrackerUser BOT = new TrackerUser("712020:bot", "Closeout Bot", "bot@example.com");

    @TempDir
    Path dataDir;

    private final List<String> out = new ArrayList<>();
    private final List<ProjectMapping> asked = new ArrayList<>();

    @Test
    void anIncompleteConfigurationIsReportedWithoutCallingJira() {
        try (ApplicationContext context = context(Map.of("closeout.jira.email", ""))) {
            int exit = context.getBean(JiraCheck.class).run(connection -> {
                throw new AssertionError("no connection without a complete configuration");
            }, out::add);

            assertEquals(JiraCheck.CONFIGURATION_ERRORS, exit);
            assertEquals(List.of("configuration: closeout.jira.email (CLOSEOUT_JIRA_EMAIL) is not set: Jira Cloud"
                    + " needs the account's e-mail"), out);
        }
    }

    @Test
    void checksTheDefaultProjectAndEachTeamsMappingOnce() {
        try (ApplicationContext context = context(Map.of(
                "closeout.jira.teams.payments.priority-map.p1", "Highest",
                "closeout.jira.teams.payments.custom-fields.customfield_10010", "{\"value\":\"x\"}",
                "closeout.jira.teams.ghost.project", "GHOST"))) {
            Team payments = team(context, "payments", "PAY");
            team(context, "web", null);
            context.getBean(TeamJiraSettings.class).store(new TeamJira(payments.id(), null, null, List.of("db"),
                    null, null, null));

            int exit = context.getBean(JiraCheck.class).run(connection -> tracker(mapping -> List.of()), out::add);

            assertEquals(JiraCheck.OK, exit, String.join("\n", out));
            assertTrue(out.contains("authenticated as Closeout Bot <bot@example.com>"), String.join("\n", out));
            assertEquals(List.of(
                    new ProjectMapping("OPS", "Task", List.of("description", "labels", "duedate", "assignee"),
                            List.of(), List.of()),
                    new ProjectMapping("PAY", "Task", List.of("description", "labels", "duedate", "assignee",
                            "priority", "components", "customfield_10010"), List.of("Highest"), List.of("db")),
                    new ProjectMapping("GHOST", "Task", List.of("description", "labels", "duedate", "assignee"),
                            List.of(), List.of())), asked);
            assertTrue(out.contains("project OPS, issue type Task (follow-ups without a team, team web): ok"),
                    String.join("\n", out));
            assertEquals("all good", out.get(out.size() - 1));
        }
    }

    @Test
    void printsEachProblemUnderItsProjectAndExitsOne() {
        try (ApplicationContext context = context(Map.of())) {
            int exit = context.getBean(JiraCheck.class).run(connection -> tracker(mapping ->
                    List.of("field 'duedate' is not on the create screen of OPS/Task")), out::add);

            assertEquals(JiraCheck.PROBLEMS, exit);
            assertTrue(out.contains("  - field 'duedate' is not on the create screen of OPS/Task"), String.join("\n", out));
            assertEquals("1 problem(s) found", out.get(out.size() - 1));
        }
    }

    @Test
    void refusedCredentialsAreSaidPlainlyWithoutTheToken() {
        try (ApplicationContext context = context(Map.of())) {
            int exit = context.getBean(JiraCheck.class).run(connection -> (IssueTracker) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {IssueTracker.class}, (proxy, method, args) -> {
                        throw new TrackerAuthException("Jira refused " + TOKEN + " (401)", 401);
                    }), out::add);

            assertEquals(JiraCheck.PROBLEMS, exit);
            String printed = String.join("\n", out);
            assertTrue(printed.contains("not authenticated: Jira refused **** (401); check closeout.jira.email and"
                    + " closeout.jira.api-token"), printed);
            assertFalse(printed.contains(TOKEN), printed);
        }
    }

    @Test
    void aTeamMappingThatBreaksARuleIsAConfigurationError() {
        try (ApplicationContext context = context(Map.of("closeout.jira.teams.web.labels", "two words"))) {
            int exit = context.getBean(JiraCheck.class).run(connection -> tracker(mapping -> List.of()), out::add);

            assertEquals(JiraCheck.CONFIGURATION_ERRORS, exit);
            assertEquals("configuration: closeout.jira.teams.web.labels: 'two words' contains whitespace, which Jira"
                    + " refuses", out.get(0));
        }
    }

    private ApplicationContext context(Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of("closeout.data-dir", dataDir.toString(),
                "closeout.jira.base-url", "https://acme.atlassian.net", "closeout.jira.email", "bot@example.com",
                "closeout.jira.api-token", TOKEN, "closeout.jira.default-project", "OPS"));
        properties.putAll(extra);
        return ApplicationContext.run(properties);
    }

    private static Team team(ApplicationContext context, String key, String project) {
        return context.getBean(TeamRepository.class).save(Team.create(key, key, null, project, DuePolicy.INHERITED,
                LocalDateTime.now()));
    }

    /** A tracker that knows the bot and answers {@code problems} for each mapping, recording what it was asked. */
    private IssueTracker tracker(Function<ProjectMapping, List<String>> problems) {
        return (IssueTracker) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {IssueTracker.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "currentUser" -> BOT;
                    case "problemsWith" -> {
                        asked.add((ProjectMapping) args[0]);
                        yield problems.apply((ProjectMapping) args[0]);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
