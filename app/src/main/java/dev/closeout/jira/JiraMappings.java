package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static dev.closeout.db.jooq.Tables.TEAM;
import static dev.closeout.db.jooq.Tables.TEAM_JIRA;

/**
 * The effective {@link JiraMapping} of a team. Each value comes from the first of these that sets it: the
 * team's own settings (API; the project is the team's {@code jira_project}), then
 * {@code closeout.jira.teams.<key>.*}, then the global defaults ({@code closeout.jira.default-project},
 * {@code issue-type}, {@code not-doing-resolutions}; no labels, components, priorities or custom fields).
 * A value is taken whole: a team's labels replace the configured ones rather than adding to them, so a
 * team can also drop what the configuration sets.
 */
@Singleton
public class JiraMappings {

    private static final Logger LOG = LoggerFactory.getLogger(JiraMappings.class);
    // Jira's rule for project keys, as the API checks a team's jira_project
    private static final Pattern PROJECT_KEY = Pattern.compile("^[A-Z][A-Z0-9_]{1,63}$");

    private final JiraConfiguration configuration;
    private final TeamJiraSettings settings;
    private final DSLContext dsl;
    private final Map<String, Configured> configured = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    JiraMappings(JiraConfiguration configuration, List<JiraTeamConfiguration> teams, TeamJiraSettings settings,
                 DSLContext dsl) {
        this.configuration = configuration;
        this.settings = settings;
        this.dsl = dsl;
        for (JiraTeamConfiguration team : teams) {
            configured.put(team.teamKey(), configured(team));
        }
        // not fatal: the API and the other teams still work; `closeout jira check` lists them too
        problems.forEach(problem -> LOG.warn("Jira team mapping: {}", problem));
    }

    /** The mapping for a follow-up of this team (null: no team, or a team that no longer exists). */
    public JiraMapping forTeam(@Nullable Long teamId) {
        return teamId == null ? global() : forTeams(List.of(teamId)).getOrDefault(teamId, global());
    }

    /** The mappings of these teams, in one query: what a batch of tickets asks for. Unknown ids are left out. */
    @ReadOnly
    public Map<Long, JiraMapping> forTeams(Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, JiraMapping> mappings = new HashMap<>();
        for (Record row : dsl.select(TEAM.ID, TEAM.TEAM_KEY, TEAM.JIRA_PROJECT).select(TEAM_JIRA.fields())
                .from(TEAM).leftJoin(TEAM_JIRA).on(TEAM_JIRA.TEAM_ID.eq(TEAM.ID))
                .where(TEAM.ID.in(teamIds)).fetch()) {
            long id = row.get(TEAM.ID);
            mappings.put(id, merged(row.get(TEAM.TEAM_KEY), row.get(TEAM.JIRA_PROJECT),
                    settings.of(row.into(TEAM_JIRA)).orElseGet(() -> TeamJira.none(id))));
        }
        return mappings;
    }

    /** The mapping of a follow-up without a team: the configuration's defaults. */
    public JiraMapping global() {
        return new JiraMapping(configuration.defaultProject(), configuration.issueType(), List.of(), List.of(),
                Map.of(), Map.of(), configuration.notDoingResolutions());
    }

    /** The mapping of the team with this key, project and own settings: no query, for a team already read. */
    public JiraMapping merged(String teamKey, @Nullable String project, TeamJira own) {
        Configured team = configured.getOrDefault(teamKey, Configured.NONE);
        TeamJira config = team.settings();
        return new JiraMapping(first(project, team.project(), configuration.defaultProject()),
                first(own.issueType(), config.issueType(), configuration.issueType()),
                first(own.labels(), config.labels(), List.of()),
                first(own.components(), config.components(), List.of()),
                first(own.priorityMap(), config.priorityMap(), Map.of()),
                first(own.customFields(), config.customFields(), Map.of()),
                first(own.notDoingResolutions(), config.notDoingResolutions(), configuration.notDoingResolutions()));
    }

    /** The keys of the teams {@code closeout.jira.teams.*} configures, sorted. */
    public List<String> configuredTeams() {
        return configured.keySet().stream().sorted().toList();
    }

    /** What is wrong with {@code closeout.jira.teams.*}, in plain words; empty when nothing is. */
    public List<String> configurationProblems() {
        return List.copyOf(problems);
    }

    /**
     * A configured team's settings, checked by the API's rules. Settings that break one are kept as written
     * (priorities lower-cased) and the problem noted: Jira then says what it refuses, ticket by ticket.
     */
    private Configured configured(JiraTeamConfiguration team) {
        String project = team.project() == null ? null : team.project().strip();
        if (project != null && !PROJECT_KEY.matcher(project).matches()) {
            problems.add(TeamJiraSettings.configurationNames(team.teamKey()).apply("project")
                    + ": must be a Jira project key (upper-case letters, digits and '_'), was '" + project + "'");
        }
        Map<String, String> customFields = null;
        if (team.customFields() != null) {
            customFields = new TreeMap<>();
            for (Map.Entry<String, String> field : team.customFields().entrySet()) {
                customFields.put(CustomFieldTemplate.fieldIdOf(field.getKey()), field.getValue());
            }
        }
        TeamJira written = new TeamJira(0, team.issueType(), team.labels(), team.components(),
                team.priorityMap(), customFields, team.notDoingResolutions());
        try {
            return new Configured(project, settings.checked(written, TeamJiraSettings.configurationNames(team.teamKey())));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            Map<String, String> priorities = null;
            if (team.priorityMap() != null) {
                priorities = new TreeMap<>();
                for (Map.Entry<String, String> entry : team.priorityMap().entrySet()) {
                    priorities.put(entry.getKey().strip().toLowerCase(Locale.ROOT), entry.getValue());
                }
            }
            return new Configured(project, new TeamJira(0, written.issueType(), written.labels(), written.components(),
                    priorities, written.customFields(), written.notDoingResolutions()));
        }
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    /** One {@code closeout.jira.teams.<key>} entry: its project and the rest as a team's settings. */
    private record Configured(@Nullable String project, TeamJira settings) {

        static final Configured NONE = new Configured(null, TeamJira.none(0));
    }
}
