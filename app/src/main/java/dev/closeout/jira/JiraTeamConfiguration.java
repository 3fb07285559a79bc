package dev.closeout.jira;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A team's Jira mapping from the configuration, {@code closeout.jira.teams.<team-key>.*}. What a team
 * sets through the API ({@code PATCH /api/teams/{key}}) wins over it, and it wins over the global
 * defaults of {@link JiraConfiguration}.
 *
 * @param teamKey              the team's key (from the property name)
 * @param project              project key
 * @param issueType            issue type name
 * @param labels               labels every ticket of the team gets
 * @param components           component names every ticket of the team gets
 * @param priorityMap          Closeout priority (as written in postmortems, any case) → Jira priority name
 * @param customFields         Jira field id → value as JSON text, e.g. {@code customfield_10010: '{"value":"SRE"}'};
 *                             {@code {{action.id}}}, {@code {{postmortem.title}}} and friends are filled in
 * @param notDoingResolutions  resolutions that mean not_doing for this team
 */
@EachProperty(JiraConfiguration.PREFIX + ".teams")
public record JiraTeamConfiguration(@Parameter String teamKey,
                                    @Nullable String project,
                                    @Nullable String issueType,
                                    @Nullable List<String> labels,
                                    @Nullable List<String> components,
                                    @Nullable Map<String, String> priorityMap,
                                    @Nullable Map<String, String> customFields,
                                    @Nullable List<String> notDoingResolutions) {
}
