package dev.closeout.jira;

import dev.closeout.team.Team;
import dev.closeout.team.TeamRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The effective {@link JiraMapping} of a team: the team's own settings (API), then
 * {@code closeout.jira.teams.<key>.*}, then the global defaults.
 */
@Singleton
public class JiraMappings {

    private final JiraConfiguration configuration;
    private final TeamRepository teams;

    JiraMappings(JiraConfiguration configuration, TeamRepository teams) {
        this.configuration = configuration;
        this.teams = teams;
    }

    /** The mapping for a follow-up of this team (null: no team). */
    public JiraMapping forTeam(@Nullable Long teamId) {
        Team team = teamId == null ? null : teams.findById(teamId).orElse(null);
        String project = team != null && team.jiraProject() != null ? team.jiraProject()
                : configuration.defaultProject();
        return new JiraMapping(project, configuration.issueType(), List.of(), List.of(), Map.of(), Map.of(),
                configuration.notDoingResolutions());
    }
}
