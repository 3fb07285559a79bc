package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.util.List;
import java.util.Map;

/**
 * A team's own Jira settings, as set through the API: each value null takes the configuration's
 * ({@code closeout.jira.teams.<key>.*}), then the global default. The project is the team's
 * {@code jira_project}, kept on the team. A team that sets nothing has no row.
 *
 * @param teamId              the team
 * @param issueType           issue type name
 * @param labels              labels every ticket of the team gets, none with whitespace
 * @param components          component names
 * @param priorityMap         Closeout priority, lower-case → Jira priority name
 * @param customFields        Jira field id → value template as JSON text ({@link CustomFieldTemplate})
 * @param notDoingResolutions resolutions that mean not_doing
 */
@MappedEntity("team_jira")
public record TeamJira(@Id long teamId,
                       @Nullable String issueType,
                       @Nullable @MappedProperty(converter = CommaSeparatedColumn.class) List<String> labels,
                       @Nullable @MappedProperty(converter = CommaSeparatedColumn.class) List<String> components,
                       @Nullable @MappedProperty(converter = PriorityMapColumn.class) Map<String, String> priorityMap,
                       @Nullable @MappedProperty(converter = CustomFieldsColumn.class) Map<String, String> customFields,
                       @Nullable @MappedProperty(converter = CommaSeparatedColumn.class) List<String> notDoingResolutions) {

    /** A team that sets nothing of its own. */
    public static TeamJira none(long teamId) {
        return new TeamJira(teamId, null, null, null, null, null, null);
    }

    /** These settings for the team {@code id}: a new team's settings are checked before it has one. */
    public TeamJira withTeamId(long id) {
        return new TeamJira(id, issueType, labels, components, priorityMap, customFields, notDoingResolutions);
    }

    /** True when every value is left to the configuration. */
    public boolean isEmpty() {
        return issueType == null && labels == null && components == null && priorityMap == null
                && customFields == null && notDoingResolutions == null;
    }
}
