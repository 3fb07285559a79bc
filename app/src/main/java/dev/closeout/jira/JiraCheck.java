package dev.closeout.jira;

import dev.closeout.integrations.jira.JiraConnection;
import dev.closeout.integrations.jira.JiraFlavour;
import dev.closeout.integrations.tracker.IssueTracker;
import dev.closeout.integrations.tracker.ProjectMapping;
import dev.closeout.integrations.tracker.TrackerAuthException;
import dev.closeout.integrations.tracker.TrackerException;
import dev.closeout.integrations.tracker.TrackerUser;
import dev.closeout.team.TeamProfile;
import dev.closeout.team.TeamQueries;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code closeout jira check}: tries the configuration against Jira itself: the credentials, then every
 * project the mappings use (the default and each team's, from the database and {@code closeout.jira.teams.*}),
 * that it exists, has the issue type, and has every field a create sends on its create screen. Says what is
 * wrong in plain words, and never a secret.
 */
@Singleton
public class JiraCheck {

    /** All is well. */
    public static final int OK = 0;
    /** Jira refuses something: the credentials, a project, an issue type, a field. */
    public static final int PROBLEMS = 1;
    /** The configuration itself is incomplete or wrong. */
    public static final int CONFIGURATION_ERRORS = 2;

    private static final int TEAM_PAGE = 200;

    private final JiraConfiguration configuration;
    private final JiraMappings mappings;
    private final TeamQueries teams;

    JiraCheck(JiraConfiguration configuration, JiraMappings mappings, TeamQueries teams) {
        this.configuration = configuration;
        this.mappings = mappings;
        this.teams = teams;
    }

    /**
     * Runs the check, printing each finding to {@code out}; answers {@link #OK}, {@link #PROBLEMS} or
     * {@link #CONFIGURATION_ERRORS}.
     *
     * @param connect makes the tracker for a connection: the Jira adapters
     */
    public int run(Function<JiraConnection, IssueTracker> connect, Consumer<String> out) {
        Consumer<String> print = line -> out.accept(redacted(line));
        List<String> connectionProblems = configuration.problems();
        if (!connectionProblems.isEmpty()) {
            connectionProblems.forEach(problem -> print.accept("configuration: " + problem));
            return CONFIGURATION_ERRORS;
        }
        List<String> mappingProblems = mappings.configurationProblems();
        mappingProblems.forEach(problem -> print.accept("configuration: " + problem));
        print.accept("Jira at " + configuration.baseUrl() + " ("
                + (configuration.jiraFlavour() == JiraFlavour.CLOUD ? "cloud" : "data-center") + ")");
        IssueTracker tracker = connect.apply(configuration.connection());
        try {
            TrackerUser user = tracker.currentUser();
            print.accept("authenticated as " + user.displayName()
                    + (user.email() == null ? "" : " <" + user.email() + ">"));
        } catch (TrackerAuthException e) {
            // the adapters name the settings to look at; a message that does not gets them added
            print.accept("not authenticated: " + e.getMessage()
                    + (e.getMessage().contains(JiraConfiguration.PREFIX) ? "" : "; " + credentialsHint()));
            if (configuration.jiraFlavour() == JiraFlavour.CLOUD) {
                print.accept("  Jira Cloud API tokens expire; a token with scopes works only through"
                        + " https://api.atlassian.com/ex/jira/<cloud id> as the base URL");
            }
            return PROBLEMS;
        } catch (TrackerException e) {
            print.accept("cannot reach Jira: " + e.getMessage());
            return PROBLEMS;
        }
        int problems = 0;
        Scopes scopes = scopes();
        for (String scope : scopes.withoutProject()) {
            print.accept(scope + ": no project; set closeout.jira.default-project, or the team's jira_project or "
                    + "closeout.jira.teams.<key>.project");
            problems++;
        }
        for (Map.Entry<ProjectMapping, Set<String>> checked : scopes.byMapping().entrySet()) {
            ProjectMapping mapping = checked.getKey();
            String what = "project " + mapping.project() + ", issue type " + mapping.issueType()
                    + " (" + String.join(", ", checked.getValue()) + ")";
            List<String> found;
            try {
                found = tracker.problemsWith(mapping);
            } catch (TrackerException e) {
                found = List.of("could not be checked: " + e.getMessage());
            }
            if (found.isEmpty()) {
                print.accept(what + ": ok");
            } else {
                print.accept(what + ":");
                found.forEach(problem -> print.accept("  - " + problem));
                problems += found.size();
            }
        }
        if (!mappingProblems.isEmpty()) {
            print.accept(mappingProblems.size() + " configuration problem(s); " + problems + " problem(s) with Jira");
            return CONFIGURATION_ERRORS;
        }
        print.accept(problems == 0 ? "all good" : problems + " problem(s) found");
        return problems == 0 ? OK : PROBLEMS;
    }

    /** What a create for this mapping sends, as the check needs it; null when there is no project. */
    static @Nullable ProjectMapping projectMapping(JiraMapping mapping) {
        if (mapping.project() == null) {
            return null;
        }
        // the fields every create sets besides project, issue type and summary
        List<String> fields = new ArrayList<>(List.of("description", "labels", "duedate", "assignee"));
        if (!mapping.priorityMap().isEmpty()) {
            fields.add("priority");
        }
        if (!mapping.components().isEmpty()) {
            fields.add("components");
        }
        fields.addAll(new TreeSet<>(mapping.customFields().keySet()));
        return new ProjectMapping(mapping.project(), mapping.issueType(), fields,
                List.copyOf(new TreeSet<>(mapping.priorityMap().values())), mapping.components());
    }

    /** Every mapping in use, once, with who uses it: follow-ups without a team, each team. */
    private Scopes scopes() {
        Scopes scopes = new Scopes(new LinkedHashMap<>(), new ArrayList<>());
        scopes.add("follow-ups without a team", mappings.global());
        Set<String> seen = new LinkedHashSet<>();
        Long after = null;
        List<TeamProfile> page;
        do {
            page = teams.find(after, TEAM_PAGE);
            Map<Long, JiraMapping> found = mappings.forTeams(page.stream().map(profile -> profile.team().id()).toList());
            for (TeamProfile profile : page) {
                seen.add(profile.team().teamKey());
                scopes.add("team " + profile.team().teamKey(), found.get(profile.team().id()));
                after = profile.team().id();
            }
        } while (page.size() == TEAM_PAGE);
        for (String key : mappings.configuredTeams()) {
            if (!seen.contains(key)) {
                scopes.add("team " + key + " [configured, not in the database]",
                        mappings.merged(key, null, TeamJira.none(0)));
            }
        }
        return scopes;
    }

    private String credentialsHint() {
        return configuration.jiraFlavour() == JiraFlavour.CLOUD
                ? "check closeout.jira.email and closeout.jira.api-token (CLOSEOUT_JIRA_API_TOKEN)"
                : "check closeout.jira.personal-access-token (CLOSEOUT_JIRA_PERSONAL_ACCESS_TOKEN); it may have"
                        + " expired or been revoked";
    }

    /** {@code line} without any configured secret, whatever a message carried. */
    private String redacted(String line) {
        String clean = line;
        for (String secret : new String[] {configuration.apiToken(), configuration.personalAccessToken(),
                configuration.webhookSecret()}) {
            if (secret != null && !secret.isBlank()) {
                clean = clean.replace(secret.strip(), "****");
            }
        }
        return clean;
    }

    private record Scopes(Map<ProjectMapping, Set<String>> byMapping, List<String> withoutProject) {

        void add(String scope, JiraMapping mapping) {
            ProjectMapping checked = projectMapping(mapping);
            if (checked == null) {
                withoutProject.add(scope);
            } else {
                byMapping.computeIfAbsent(checked, key -> new LinkedHashSet<>()).add(scope);
            }
        }
    }
}
